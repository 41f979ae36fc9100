/** The seed's lab step 4: delete the volume stanza and the blueprint is refused, naming the file, the line and the fix. */
import { exampleProject, runCli } from '../support/cli';

describe('hms-sys validate: storage is declared', () => {
  test('the seed without its storage section exits 1 with file, line and the fix', async () => {
    const dir = exampleProject((y) => y.replace(/^storage:\n(?: {2}.*\n)+\n?/m, ''));
    const r = await runCli(['validate', 'blueprints/dcaa-audit.yml'], dir);
    expect(r.code).toBe(1);
    expect(r.stderr).toBe(
      '1 problem in blueprint:\n  blueprints/dcaa-audit.yml:1:1  storage: required; add a storage section with the volume the workload keeps its data on (storage: { volume: { name: contract-pdfs, size: 1Ti } }), or write "storage: none" if it keeps no data',
    );
  });

  test('storage: none is the explicit way to keep no data', async () => {
    const dir = exampleProject((y) => y.replace(/^storage:\n(?: {2}.*\n)+/m, 'storage: none\n'));
    expect((await runCli(['validate', 'blueprints/dcaa-audit.yml'], dir)).code).toBe(0);
  });
});
