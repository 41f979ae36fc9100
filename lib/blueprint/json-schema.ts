import { z } from 'zod';
import { BlueprintSchema } from './schema';

/** JSON Schema of what users write (defaults optional), for editor completion. */
export function blueprintJsonSchema(): Record<string, unknown> {
  const schema = z.toJSONSchema(BlueprintSchema, { io: 'input', target: 'draft-2020-12' });
  return {
    ...schema,
    $id: 'https://hms-sys.dev/schemas/blueprint.schema.json',
    title: 'hms-sys blueprint',
    description: 'One hardened Kubernetes platform: node pool, encrypted volume, network policy and workload.',
  };
}
