/** Writes blueprints/blueprint.schema.json (`npm run schema`); a test keeps it in sync. */
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { blueprintJsonSchema } from './json-schema';

export const JSON_SCHEMA_PATH = join(__dirname, '..', '..', 'blueprints', 'blueprint.schema.json');

if (require.main === module) {
  writeFileSync(JSON_SCHEMA_PATH, `${JSON.stringify(blueprintJsonSchema(), null, 2)}\n`);
  console.log(`wrote ${JSON_SCHEMA_PATH}`);
}
