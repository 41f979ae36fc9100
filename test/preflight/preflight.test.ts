import type { Blueprint } from '../../lib/blueprint/blueprint';
import type { SynthesizedStack } from '../../lib/cli/synthesize';
import { runPreflight, type PreflightCheck } from '../../lib/preflight/preflight';

const stack = { stackName: 'dcaa-audit-aws-k8s', layer: 'kubernetes', cloud: 'aws' } as SynthesizedStack;
const blueprint = { name: 'dcaa-audit' } as Blueprint;
const context = { stack, blueprint, outputsOf: () => undefined };

describe('runPreflight', () => {
  test('runs the checks that apply to the stack, in order, and names those that passed', async () => {
    const ran: string[] = [];
    const check = (name: string, applies: boolean): PreflightCheck => ({ name, appliesTo: () => applies, run: async () => (ran.push(name), { ok: true }) });
    expect(await runPreflight([check('a', true), check('b', false), check('c', true)], context)).toEqual(['a', 'c']);
    expect(ran).toEqual(['a', 'c']);
  });

  test('a failing check is a tool chain error (exit 3) that says what to do, and stops the rest', async () => {
    const later = jest.fn();
    const checks: PreflightCheck[] = [
      { name: 'EKS API reachable', appliesTo: () => true, run: async () => ({ ok: false, message: 'run apply from the runner VPC' }) },
      { name: 'later', appliesTo: () => true, run: later },
    ];
    await expect(runPreflight(checks, context)).rejects.toMatchObject({
      exitCode: 3,
      message: 'preflight for dcaa-audit-aws-k8s failed: EKS API reachable: run apply from the runner VPC. Nothing was applied to dcaa-audit-aws-k8s.',
    });
    expect(later).not.toHaveBeenCalled();
  });
});
