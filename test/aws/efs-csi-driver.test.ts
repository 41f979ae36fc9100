import { EfsCsiDriver } from '../../lib/aws/efs-csi-driver';
import { FAKE_CLUSTER, PARTITION_REF } from '../support/aws-fixtures';
import { onlyResource, policyOf, synthConstructs } from '../support/synth';

describe('EfsCsiDriver', () => {
  const tf = synthConstructs((scope) => new EfsCsiDriver(scope, 'efs', { cluster: FAKE_CLUSTER }));

  test('the EKS add-on, with its controller on an EKS Pod Identity role', () => {
    const addon = onlyResource(tf, 'aws_eks_addon');
    expect(addon).toMatchObject({ addon_name: 'aws-efs-csi-driver', cluster_name: 'demo' });
    expect(addon.pod_identity_association).toEqual([{ role_arn: expect.stringMatching(/aws_iam_role/), service_account: 'efs-csi-controller-sa' }]);
    expect(policyOf(onlyResource(tf, 'aws_iam_role'), 'assume_role_policy').Statement[0]).toEqual({ Effect: 'Allow', Principal: { Service: 'pods.eks.amazonaws.com' }, Action: ['sts:AssumeRole', 'sts:TagSession'] });
    expect(String(onlyResource(tf, 'aws_iam_role_policy_attachment').policy_arn).replace(PARTITION_REF, '<p>')).toBe('arn:<p>:iam::aws:policy/service-role/AmazonEFSCSIDriverPolicy');
  });
});
