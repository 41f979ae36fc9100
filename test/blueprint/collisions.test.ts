/**
 * Blueprints taken together: every pair whose generated stacks would share a name
 * (CDKTF would stop synth with "There is already a Construct with name") is refused
 * by validation, with the file and line of the field that names the stack.
 */
import { App } from 'cdktf';
import { mkdirSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { loadBlueprints } from '../../lib/blueprint/load';
import { BlueprintError } from '../../lib/core/errors';
import { addBlueprintStacks } from '../../stacks/app';
import { EXAMPLE_BLUEPRINT_PATH } from '../support/synth';

const EXAMPLE = readFileSync(EXAMPLE_BLUEPRINT_PATH, 'utf8');

/** Loads blueprint files written from `yamls` (a.yml, b.yml, ...), as `hms-sys validate` does. */
function load(yamls: string[], env: NodeJS.ProcessEnv = {}) {
  const dir = mkdtempSync(join(tmpdir(), 'hms-collide-'));
  mkdirSync(join(dir, 'blueprints'));
  yamls.forEach((y, i) => writeFileSync(join(dir, 'blueprints', `${String.fromCharCode(97 + i)}.yml`), y));
  return loadBlueprints(['blueprints'], dir, { env });
}

function refusal(yamls: string[], env: NodeJS.ProcessEnv = {}): string {
  try {
    load(yamls, env);
  } catch (e) {
    if (e instanceof BlueprintError) return e.message;
    throw e;
  }
  throw new Error('expected a refusal');
}

describe('stacks of several blueprints that would share a name', () => {
  test.each([
    [
      'a blueprint named hms-sys-state-foo and a state bucket foo-aws',
      [`name: hms-sys-state-foo\n${EXAMPLE}`, `name: b\nstateBucket:\n  bucket: foo-aws\n${EXAMPLE}`],
      /blueprints\/b\.yml:3:11 {2}stateBucket\.bucket: the bootstrap stack of state bucket foo-aws would be named hms-sys-state-foo-aws, like the AWS stack of blueprint hms-sys-state-foo \(blueprints\/a\.yml:1\)/,
    ],
    ['state buckets a.b-c and a-b.c', [`name: a\nstateBucket:\n  bucket: a.b-c\n${EXAMPLE}`, `name: b\nstateBucket:\n  bucket: a-b.c\n${EXAMPLE}`], /b\.yml:3:11 {2}stateBucket\.bucket: "a-b\.c" and "a\.b-c" \(blueprints\/a\.yml:3\) would both have the stack hms-sys-state-a-b-c/],
    [
      'organizations Agency and agency',
      [`name: a\nterraformCloud:\n  organization: Agency\n${EXAMPLE}`, `name: b\nterraformCloud:\n  organization: agency\n${EXAMPLE}`],
      /b\.yml:3:17 {2}terraformCloud\.organization: "agency" and "Agency" .* would both have the stack hms-sys-tfc-agency/,
    ],
    [
      'a blueprint named hms-sys-tfc-x and an organization x-aws',
      [`name: hms-sys-tfc-x\n${EXAMPLE}`, `name: b\nterraformCloud:\n  organization: x-aws\n${EXAMPLE}`],
      /b\.yml:3:17 {2}terraformCloud\.organization: the workspaces stack of Terraform Cloud organization x-aws would be named hms-sys-tfc-x-aws, like the AWS stack of blueprint hms-sys-tfc-x/,
    ],
    ['one organization on two hosts', [`name: a\nterraformCloud:\n  organization: x\n${EXAMPLE}`, `name: b\nterraformCloud:\n  organization: x\n  hostname: tfe.agency.gov\n${EXAMPLE}`], /b\.yml:4:13 {2}terraformCloud\.hostname: organization x is on tfe\.agency\.gov here and on app\.terraform\.io/],
    ['one state bucket in two regions', [`name: a\nstateBucket:\n  bucket: agency-st\n${EXAMPLE}`, `name: b\nstateBucket:\n  bucket: agency-st\n  region: us-gov-east-1\n${EXAMPLE}`], /b\.yml:4:11 {2}stateBucket\.region: state bucket agency-st is in us-gov-east-1 here and in us-gov-west-1/],
    ['two blueprints of one name', [`name: same\n${EXAMPLE}`, `name: same\n${EXAMPLE}`], /b\.yml:1:7 {2}name: blueprint name "same" is also used by blueprints\/a\.yml:1/],
    [
      'a blueprint named foo-aws and the AWS stack of blueprint foo (one name, two meanings on the command line)',
      [`name: foo\n${EXAMPLE}`, `name: foo-aws\n${EXAMPLE}`],
      /b\.yml:1:7 {2}name: blueprint name "foo-aws" is also the name of the AWS stack of blueprint foo \(blueprints\/a\.yml:1\), so "hms-sys plan foo-aws" could mean either/,
    ],
  ])('%s: refused by validation, located', (_name, yamls, message) => {
    expect(refusal(yamls)).toMatch(message);
  });

  test("the environment's organization collides like a blueprint's, and the refusal names the variable", () => {
    expect(refusal([`name: hms-sys-tfc-x\n${EXAMPLE}`, `name: b\n${EXAMPLE}`], { HMS_TFC_ORGANIZATION: 'x-aws' })).toMatch(
      /\$HMS_TFC_ORGANIZATION {2}the workspaces stack of Terraform Cloud organization x-aws would be named hms-sys-tfc-x-aws/,
    );
  });

  test('blueprints sharing one bucket or one organization share its stack', () => {
    const bps = load([`name: a\nterraformCloud:\n  organization: x\n${EXAMPLE}`, `name: b\nterraformCloud:\n  organization: x\n${EXAMPLE}`]);
    const { stacks } = addBlueprintStacks(new App({ outdir: tmpdir(), skipValidation: true }), bps);
    expect(stacks.filter((s) => s.layer === 'workspaces').map((s) => s.stackName)).toEqual(['hms-sys-tfc-x']);
  });

  test('blueprints built in code get the same located refusal from the stacks, not a CDKTF crash', () => {
    const [a] = load([`name: hms-sys-state-foo\n${EXAMPLE}`]);
    const [b] = load([`name: b\nstateBucket:\n  bucket: foo-aws\n${EXAMPLE}`]);
    expect(() => addBlueprintStacks(new App({ outdir: tmpdir(), skipValidation: true }), [a, b])).toThrow(BlueprintError);
  });
});
