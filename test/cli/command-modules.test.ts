import { readdirSync } from 'node:fs';
import { join } from 'node:path';
import { buildSync } from 'esbuild';

const ROOT = join(__dirname, '..', '..');
const COMMANDS_DIR = join(ROOT, 'lib', 'cli', 'commands');
const HELP_DIR = join(ROOT, 'lib', 'cli', 'help');

/** Every file of the repository a module loads, as esbuild resolves it (packages left out). */
function loadedFiles(entry: string): string[] {
  const result = buildSync({ entryPoints: [entry], bundle: true, platform: 'node', format: 'cjs', packages: 'external', write: false, metafile: true, logLevel: 'silent' });
  return Object.keys(result.metafile.inputs);
}

describe('lib/cli/main.ts and the commands do not import each other', () => {
  test.each(readdirSync(COMMANDS_DIR).filter((f) => f.endsWith('.ts')))('commands/%s does not load main.ts', (file) => {
    expect(loadedFiles(join(COMMANDS_DIR, file))).not.toContain('lib/cli/main.ts');
  });

  test('each command has a help module that loads nothing but the shared help text', () => {
    const commands = readdirSync(COMMANDS_DIR).filter((f) => f.endsWith('.ts'));
    for (const file of commands) {
      const allowed = [`lib/cli/help/${file}`, 'lib/cli/help/command-help.ts'];
      expect(loadedFiles(join(HELP_DIR, file)).filter((f) => !allowed.includes(f))).toEqual([]);
    }
  });
});
