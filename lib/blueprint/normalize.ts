import { parseSizeGiB } from '../core/sizes';
import type { Blueprint } from './blueprint';
import type { BlueprintProblem } from '../core/errors';
import { overlayRanges, volumeKind, type BlueprintInput } from './schema';

/** Applies the conversions the schema leaves out: units to numbers, the name from the file. */
export function normalize(input: BlueprintInput, name: string, sourceFile: string, warnings: readonly BlueprintProblem[] = []): Blueprint {
  const { nodePool } = input;
  const storage = input.storage === 'none' ? undefined : input.storage;
  return {
    ...input,
    name,
    sourceFile,
    warnings,
    // Overlay ranges that collide with nothing: the schema has refused colliding ones as written.
    azure: { ...input.azure, ...overlayRanges(input) },
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
        mountPath: storage.volume.mountPath,
        readOnly: storage.volume.readOnly,
        kind: volumeKind(input.workload?.replicas),
        // The schema has already refused anything parseSizeGiB cannot read.
        sizeGiB: parseSizeGiB(storage.volume.size) as number,
      },
    },
  };
}
