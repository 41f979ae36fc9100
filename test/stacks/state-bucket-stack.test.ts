import { Testing } from 'cdktf';
import { addBlueprintStacks } from '../../stacks/app';
import { FedRampBaseline } from '../../lib/policy/fedramp-baseline';
import { exampleBlueprint, synthStack } from '../support/synth';

describe('S3 state', () => {
  const { stacks } = addBlueprintStacks(Testing.app(), [exampleBlueprint((y) => `clouds: [aws]\nstateBucket:\n  bucket: dcaa-terraform-state\n${y}`)]);
  const byName = Object.fromEntries(stacks.map((s) => [s.stackName, s]));

  test('each stack keeps its state in the bucket, encrypted, with a lock file', () => {
    for (const name of ['dcaa-audit-aws', 'dcaa-audit-aws-k8s']) {
      expect((synthStack(byName[name].stack).terraform as any).backend).toEqual({
        s3: { bucket: 'dcaa-terraform-state', key: `hms-sys/${name}.tfstate`, region: 'us-gov-west-1', encrypt: true, use_lockfile: true },
      });
    }
  });

  test('a bootstrap stack makes the bucket, keeps its own state locally, and passes the packs (access logging is a warning)', () => {
    const bootstrap = byName['hms-sys-state-dcaa-terraform-state'];
    expect(bootstrap).toMatchObject({ layer: 'state', cloud: 'aws', blueprint: '' });
    const tf = synthStack(bootstrap.stack);
    expect((tf.terraform as any).backend.local).toBeDefined();
    expect(bootstrap.stack.node.validate()).toEqual([]);
    expect(FedRampBaseline.of(bootstrap.stack).report?.findings.map((f) => f.ruleId)).toEqual(['HMS-S3-4']);
  });
});
