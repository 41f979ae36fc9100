/**
 * The CLI as the tests spawn it: lib/cli/main.ts bundled once per test run with
 * esbuild (the transpiler tsx uses), dependencies left to node_modules. A spawned
 * `bin/hms-sys` under tsx spends about 2 s of CPU compiling and resolving the
 * sources before it does anything; the bundle starts in a tenth of that, and the
 * suite spawns the CLI well over a hundred times. The bundle is rebuilt from the
 * sources at the start of every jest run and Terraform stage, so it is never
 * stale; test/cli/main.test.ts still runs bin/hms-sys itself.
 */
import { renameSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { buildSync } from 'esbuild';

const ROOT = join(__dirname, '..', '..');
/**
 * Inside the checkout, so that the bundle resolves node_modules as the sources do,
 * but not inside node_modules: worktrees that link one node_modules would
 * otherwise overwrite each other's bundle, and a test would run another
 * checkout's CLI. (.gitignore lists .cache/.)
 */
const OUT_DIR = join(ROOT, '.cache', 'hms-sys-test');

/** `node BUILT_CLI <command> ...` runs the CLI as `bin/hms-sys <command> ...` does. */
export const BUILT_CLI = join(OUT_DIR, 'hms-sys.js');
/** The output-folder tests' child process (test/support/publish-output.ts), bundled. */
export const BUILT_PUBLISH_OUTPUT = join(OUT_DIR, 'publish-output.js');

function bundle(entry: { file: string } | { contents: string }, outfile: string): void {
  // Written aside and renamed: a jest run started meanwhile never reads half a file.
  const aside = `${outfile}.${process.pid}.tmp`;
  const common = { bundle: true, platform: 'node', target: 'node20', format: 'cjs', packages: 'external', logLevel: 'error', outfile: aside } as const;
  if ('file' in entry) buildSync({ ...common, entryPoints: [entry.file] });
  else buildSync({ ...common, stdin: { contents: entry.contents, resolveDir: ROOT, sourcefile: 'hms-sys-test-entry.ts', loader: 'ts' } });
  renameSync(aside, outfile);
}

/** Builds both bundles from the current sources. */
export function buildTestCli(): void {
  bundle({ contents: "import { cli } from './lib/cli/main';\nvoid cli(process.argv.slice(2));\n" }, BUILT_CLI);
  bundle({ file: join(ROOT, 'test', 'support', 'publish-output.ts') }, BUILT_PUBLISH_OUTPUT);
  writeFileSync(join(OUT_DIR, 'README'), 'Built by test/support/built-cli.ts at the start of each jest run; safe to delete.\n');
}
