import { parseSizeGiB } from '../core/sizes';
import type { Blueprint } from './blueprint';
import type { BlueprintInput } from './schema';

/** Applies the conversions the schema leaves out: units to numbers, the name from the file. */
export function normalize(input: BlueprintInput, name: string, sourceFile: string): Blueprint {
  const { nodePool, storage } = input;
  return {
    ...input,
    name,
    sourceFile,
    nodePool: {
      ...nodePool,
      minCount: nodePool.minCount ?? nodePool.count,
      maxCount: nodePool.maxCount ?? nodePool.count,
    },
    storage: storage && {
      volume: {
        name: storage.volume.name,
        encryption: storage.volume.encryption,
        provisioning: storage.volume.provisioning,
        // The schema has already refused anything parseSizeGiB cannot read.
        sizeGiB: parseSizeGiB(storage.volume.size) as number,
      },
    },
  };
}
