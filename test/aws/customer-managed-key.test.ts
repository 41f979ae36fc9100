import { CustomerManagedKey } from '../../lib/aws/customer-managed-key';
import { onlyResource, policyOf, synthConstructs } from '../support/synth';

describe('CustomerManagedKey', () => {
  describe('secure defaults', () => {
    const tf = synthConstructs((scope) => new CustomerManagedKey(scope, 'key', { description: 'test', aliasName: 'hms-sys/t/key' }));
    const key = onlyResource(tf, 'aws_kms_key');

    test('rotates yearly, is symmetric and enabled (SC-12)', () => {
      expect(key).toMatchObject({ enable_key_rotation: true, is_enabled: true, key_usage: 'ENCRYPT_DECRYPT', customer_master_key_spec: 'SYMMETRIC_DEFAULT' });
    });

    test('waits 30 days before deletion and refuses terraform destroy', () => {
      expect(key.deletion_window_in_days).toBe(30);
      expect(key.lifecycle).toEqual({ prevent_destroy: true });
    });

    test('key policy names the account by partition, never a wildcard principal', () => {
      const [root] = policyOf(key).Statement;
      expect(root.Principal.AWS).toMatch(/^arn:\$\{data\.aws_partition\.\w+\.partition\}:iam::\$\{data\.aws_caller_identity\.\w+\.account_id\}:root$/);
      expect(JSON.stringify(policyOf(key))).not.toMatch(/"Principal":"\*"|"AWS":"\*"|arn:aws:/);
    });

    test('has an alias', () => {
      expect(onlyResource(tf, 'aws_kms_alias').name).toBe('alias/hms-sys/t/key');
    });
  });

  test('adds service statements to the key policy', () => {
    const tf = synthConstructs((scope) =>
      new CustomerManagedKey(scope, 'key', {
        description: 'd',
        aliasName: 'a',
        serviceStatements: [{ Sid: 'Svc', Effect: 'Allow', Principal: { Service: 'logs.amazonaws.com' }, Action: 'kms:Decrypt', Resource: '*' }],
      }),
    );
    expect(policyOf(onlyResource(tf, 'aws_kms_key')).Statement.map((s) => s.Sid)).toEqual(['AccountAdministersKeyThroughIam', 'Svc']);
  });

  test('deletionWindowInDays and preventDestroy can be set', () => {
    const tf = synthConstructs((scope) => new CustomerManagedKey(scope, 'key', { description: 'd', aliasName: 'a', deletionWindowInDays: 7, preventDestroy: false }));
    expect(onlyResource(tf, 'aws_kms_key')).toMatchObject({ deletion_window_in_days: 7, lifecycle: { prevent_destroy: false } });
  });

  test('refuses a deletion window outside 7 to 30 days', () => {
    expect(() => synthConstructs((scope) => new CustomerManagedKey(scope, 'key', { description: 'd', aliasName: 'a', deletionWindowInDays: 3 }))).toThrow(
      /CustomerManagedKey.deletionWindowInDays \(3\) must be a whole number from 7 to 30 at .*\/key/,
    );
  });
});
