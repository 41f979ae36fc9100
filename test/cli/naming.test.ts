import { readFileSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { Testing } from 'cdktf';
import { parseBlueprint } from '../../lib/blueprint/load';
import { stackCatalog } from '../../lib/cli/stack-selection';
import { addBlueprintStacks } from '../../stacks/app';
import { exampleProject, runCli } from '../support/cli';
import { EXAMPLE_BLUEPRINT_PATH, exampleBlueprint } from '../support/synth';

describe('the stack catalog names the stacks synthesis builds', () => {
  test('own stacks of each blueprint, then the shared workspaces and state-bucket stacks, in build order', () => {
    const blueprints = [
      exampleBlueprint((y) => `clouds: [aws]\nterraformCloud:\n  organization: Dcaa\n${y}`),
      parseBlueprint(`clouds: [aws]\nstateBucket:\n  bucket: agency.terraform-state\n${readFileSync(EXAMPLE_BLUEPRINT_PATH, 'utf8').replace('name: dcaa-secure', 'name: hr-secure')}`, 'blueprints/hr-audit.yml'),
    ];
    const built = addBlueprintStacks(Testing.app(), blueprints).stacks.map((s) => ({ stackName: s.stackName, blueprint: s.blueprint }));
    expect(stackCatalog(blueprints).map((s) => ({ stackName: s.stackName, blueprint: s.blueprint }))).toEqual(built);
    expect(built.map((s) => s.stackName)).toContain('hms-sys-state-agency-terraform-state');
  });
});

/** Which stacks `plan` planned, from its progress lines. */
const planned = (stdout: string) => stdout.split('\n').filter((l) => l.startsWith('… ')).map((l) => l.slice(2).split(':')[0]);

describe('plan: a blueprint name, a stack name or a blueprint file', () => {
  const saved = { ...process.env };
  const dir = exampleProject();
  beforeAll(() => {
    process.env = { ...saved, PATH: `${join(__dirname, '..', 'support', 'fake-terraform')}:${dirname(process.execPath)}` };
    // A second blueprint outside the folder, named by its file.
    const other = readFileSync(join(dir, 'blueprints', 'dcaa-audit.yml'), 'utf8').replace('name: dcaa-secure', 'name: hr-secure');
    writeFileSync(join(dir, 'hr-audit.yml'), `clouds: [aws]\n${other}`);
  });
  afterAll(() => {
    process.env = saved;
  });

  test('a blueprint name plans all its stacks, in order', async () => {
    const r = await runCli(['plan', 'dcaa-audit'], dir);
    expect(r.code).toBe(0);
    expect(planned(r.stdout)).toEqual(['dcaa-audit-aws', 'dcaa-audit-aws-k8s', 'dcaa-audit-azure', 'dcaa-audit-azure-k8s']);
  });

  test('a stack name plans that stack; a blueprint file outside the folder plans its stacks', async () => {
    const r = await runCli(['plan', 'dcaa-audit-azure-k8s', 'hr-audit.yml'], dir);
    expect(r.code).toBe(0);
    expect(planned(r.stdout)).toEqual(['dcaa-audit-azure-k8s', 'hr-audit-aws', 'hr-audit-aws-k8s']);
  });
});
