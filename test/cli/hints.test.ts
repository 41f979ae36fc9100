import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';

const LIB = join(__dirname, '..', '..', 'lib');

/** Every string a user can be shown: the TypeScript under lib/ without its comments. */
function codeWithoutComments(file: string): string {
  return readFileSync(file, 'utf8')
    .replace(/\/\*[\s\S]*?\*\//g, '')
    .replace(/^\s*\/\/.*$/gm, '');
}

describe('next-step hints point to hms-sys apply', () => {
  test('no message in lib/ tells the user to run cdktf deploy (or terraform apply) instead: those skip the preflight and the guard', () => {
    const files = readdirSync(LIB, { recursive: true, encoding: 'utf8' }).filter((f) => f.endsWith('.ts'));
    expect(files.length).toBeGreaterThan(50);
    const offenders = files.flatMap((f) =>
      codeWithoutComments(join(LIB, f))
        .split('\n')
        // `terraform apply -refresh-only` changes state only, never resources: it is a fine hint.
        .filter((line) => /cdktf (deploy|apply)|(run|with|use) `?terraform apply(?! -refresh-only)/i.test(line) && /['"`]/.test(line))
        .map((line) => `lib/${f}: ${line.trim()}`),
    );
    expect(offenders).toEqual([]);
  });
});
