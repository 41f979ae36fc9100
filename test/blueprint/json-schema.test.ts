import { readFileSync } from 'node:fs';
import { blueprintJsonSchema } from '../../lib/blueprint/json-schema';
import { JSON_SCHEMA_PATH } from '../../lib/blueprint/write-json-schema';

describe('blueprint JSON Schema', () => {
  test('blueprints/blueprint.schema.json is in sync with the zod schema (run `npm run schema`)', () => {
    expect(JSON.parse(readFileSync(JSON_SCHEMA_PATH, 'utf8'))).toEqual(blueprintJsonSchema());
  });

  test('describes the sections, required fields and enums editors complete', () => {
    const schema = blueprintJsonSchema() as any;
    expect(schema.required).toEqual(['nodePool', 'storage', 'network']);
    expect(schema.additionalProperties).toBe(false);
    expect(schema.properties.nodePool.properties.runtime.enum).toEqual(['fips-ubuntu-22.04', 'bottlerocket-fips']);
    expect(schema.properties.nodePool.properties.baseline.default).toBe('cis-level-2');
  });
});
