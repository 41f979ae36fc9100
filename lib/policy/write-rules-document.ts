/** Writes docs/POLICY-RULES.md (`npm run docs`). */
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { rulesDocument } from './rules-document';

export const RULES_DOCUMENT_PATH = join(__dirname, '..', '..', 'docs', 'POLICY-RULES.md');

if (require.main === module) {
  writeFileSync(RULES_DOCUMENT_PATH, rulesDocument());
  console.log(`wrote ${RULES_DOCUMENT_PATH}`);
}
