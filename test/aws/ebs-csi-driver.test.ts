import { EBS_CSI_SERVICE_ACCOUNT, EbsCsiDriver } from '../../lib/aws/ebs-csi-driver';
import { FAKE_CLUSTER } from '../support/aws-fixtures';
import { onlyResource, policyOf, synthConstructs } from '../support/synth';

describe('EbsCsiDriver', () => {
  const tf = synthConstructs((scope) => new EbsCsiDriver(scope, 'csi', { cluster: FAKE_CLUSTER, kmsKeyArns: ['arn:aws-us-gov:kms:us-gov-west-1:123456789012:key/abc'] }));

  test('installs the add-on with a Pod Identity role, not node credentials', () => {
    const addon = onlyResource(tf, 'aws_eks_addon');
    expect(addon).toMatchObject({ addon_name: 'aws-ebs-csi-driver', cluster_name: 'demo' });
    expect(addon.pod_identity_association).toEqual([{ role_arn: expect.stringMatching(/aws_iam_role/), service_account: EBS_CSI_SERVICE_ACCOUNT }]);
    expect(policyOf(onlyResource(tf, 'aws_iam_role'), 'assume_role_policy').Statement[0].Principal).toEqual({ Service: 'pods.eks.amazonaws.com' });
  });

  test('may use the named customer keys only, and grant them to AWS resources only', () => {
    const statements = policyOf(onlyResource(tf, 'aws_iam_role_policy')).Statement;
    for (const s of statements) expect(s.Resource).toEqual(['arn:aws-us-gov:kms:us-gov-west-1:123456789012:key/abc']);
    expect(statements[0].Condition).toEqual({ Bool: { 'kms:GrantIsForAWSResource': 'true' } });
  });

  test('refuses to run without a customer key', () => {
    expect(() => synthConstructs((scope) => new EbsCsiDriver(scope, 'csi', { cluster: FAKE_CLUSTER, kmsKeyArns: [] }))).toThrow(/kmsKeyArns must list at least one key/);
  });
});
