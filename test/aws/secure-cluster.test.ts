import { DEFAULT_KUBERNETES_VERSION } from '../../lib/core/kubernetes-versions';
import { CONTROL_PLANE_LOG_TYPES, SecureCluster, type SecureClusterProps } from '../../lib/aws/secure-cluster';
import { PARTITION_REF } from '../support/aws-fixtures';
import { onlyResource, policyOf, resourcesOf, synthConstructs } from '../support/synth';

const BASE: SecureClusterProps = { clusterName: 'demo', subnetIds: ['subnet-a', 'subnet-b'] };

describe('SecureCluster', () => {
  describe('secure defaults', () => {
    const tf = synthConstructs((scope) => new SecureCluster(scope, 'cluster', BASE));
    const cluster = onlyResource(tf, 'aws_eks_cluster');

    test('private API endpoint only (SC-7, AC-4, CKV_AWS_39)', () => {
      expect(cluster.vpc_config).toMatchObject({ endpoint_private_access: true, endpoint_public_access: false, subnet_ids: ['subnet-a', 'subnet-b'] });
      expect(cluster.vpc_config.public_access_cidrs).toBeUndefined();
    });

    test('all five control-plane log types (AU-2, AU-12, CKV_AWS_37)', () => {
      expect(cluster.enabled_cluster_log_types).toEqual(['api', 'audit', 'authenticator', 'controllerManager', 'scheduler']);
      expect(CONTROL_PLANE_LOG_TYPES).toHaveLength(5);
    });

    test('control-plane logs go to a group we own, encrypted, with retention, created first', () => {
      const group = onlyResource(tf, 'aws_cloudwatch_log_group');
      expect(group).toMatchObject({ name: '/aws/eks/demo/cluster', retention_in_days: 365 });
      expect(group.kms_key_id).toMatch(/aws_kms_key/);
      expect(cluster.depends_on.some((d: string) => d.startsWith('aws_cloudwatch_log_group.'))).toBe(true);
    });

    test('secrets are envelope-encrypted with a rotating customer key (SC-28, SC-12, CKV_AWS_58)', () => {
      expect(cluster.encryption_config).toMatchObject({ resources: ['secrets'], provider: { key_arn: expect.stringMatching(/aws_kms_key\.\w+\.arn/) } });
      expect(onlyResource(tf, 'aws_kms_key').enable_key_rotation).toBe(true);
    });

    test('authentication through access entries (API mode); the creator is admin when no admins are named', () => {
      expect(cluster.access_config).toEqual({ authentication_mode: 'API', bootstrap_cluster_creator_admin_permissions: true });
      expect(tf.resource?.aws_eks_access_entry).toBeUndefined();
    });

    test('support type follows the calendar: STANDARD for a version in standard support (SI-2)', () => {
      expect(cluster.upgrade_policy).toEqual({ support_type: 'STANDARD' });
      expect(cluster.version).toBe(DEFAULT_KUBERNETES_VERSION);
    });

    test('a version already in extended support asks for EXTENDED, which EKS requires for it', () => {
      const tf = synthConstructs((scope) => new SecureCluster(scope, 'cluster', { ...BASE, kubernetesVersion: '1.33', supportDate: new Date('2026-11-22T00:00:00Z') }));
      expect(onlyResource(tf, 'aws_eks_cluster').upgrade_policy).toEqual({ support_type: 'EXTENDED' });
      const before = synthConstructs((scope) => new SecureCluster(scope, 'cluster', { ...BASE, kubernetesVersion: '1.33', supportDate: new Date('2026-07-29T00:00:00Z') }));
      expect(onlyResource(before, 'aws_eks_cluster').upgrade_policy).toEqual({ support_type: 'STANDARD' });
    });

    test('the VPC CNI enforces NetworkPolicy, and Pod Identity is installed', () => {
      const addons = resourcesOf(tf, 'aws_eks_addon');
      const cni = addons.find((a) => a.addon_name === 'vpc-cni');
      expect(JSON.parse(String(cni?.configuration_values))).toEqual({ enableNetworkPolicy: 'true' });
      expect(addons.map((a) => a.addon_name)).toContain('eks-pod-identity-agent');
    });

    test('the cluster role trusts EKS only and holds only the cluster policy, by partition', () => {
      const trust = policyOf(onlyResource(tf, 'aws_iam_role'), 'assume_role_policy').Statement;
      expect(trust).toEqual([{ Effect: 'Allow', Principal: { Service: 'eks.amazonaws.com' }, Action: ['sts:AssumeRole', 'sts:TagSession'] }]);
      const attachment = onlyResource(tf, 'aws_iam_role_policy_attachment');
      expect(attachment.policy_arn).toMatch(PARTITION_REF);
      expect(attachment.policy_arn).toMatch(/:iam::aws:policy\/AmazonEKSClusterPolicy$/);
    });
  });

  describe('options', () => {
    test('adminPrincipalArns become access entries with the cluster admin policy, and remove the creator bootstrap', () => {
      const tf = synthConstructs((scope) =>
        new SecureCluster(scope, 'cluster', { ...BASE, adminPrincipalArns: ['arn:aws-us-gov:iam::123456789012:role/admins'] }),
      );
      expect(onlyResource(tf, 'aws_eks_cluster').access_config.bootstrap_cluster_creator_admin_permissions).toBe(false);
      expect(onlyResource(tf, 'aws_eks_access_entry').principal_arn).toBe('arn:aws-us-gov:iam::123456789012:role/admins');
      const association = onlyResource(tf, 'aws_eks_access_policy_association');
      expect(association.policy_arn).toMatch(/:eks::aws:cluster-access-policy\/AmazonEKSClusterAdminPolicy$/);
      expect(association.access_scope).toEqual({ type: 'cluster' });
    });

    test('kubernetesVersion and logRetentionDays', () => {
      const tf = synthConstructs((scope) => new SecureCluster(scope, 'cluster', { ...BASE, kubernetesVersion: '1.35', logRetentionDays: 731 }));
      expect(onlyResource(tf, 'aws_eks_cluster').version).toBe('1.35');
      expect(onlyResource(tf, 'aws_cloudwatch_log_group').retention_in_days).toBe(731);
    });

    test('endpointPublicAccess opens the endpoint to the named ranges only', () => {
      const tf = synthConstructs((scope) =>
        new SecureCluster(scope, 'cluster', { ...BASE, endpointPublicAccess: true, publicAccessCidrs: ['203.0.113.0/24'] }),
      );
      expect(onlyResource(tf, 'aws_eks_cluster').vpc_config).toMatchObject({ endpoint_public_access: true, public_access_cidrs: ['203.0.113.0/24'] });
    });
  });

  describe('validation errors', () => {
    test.each([
      [{ kubernetesVersion: '1.24' }, /SecureCluster.kubernetesVersion \(1.24\) is not offered by EKS on \d{4}-\d\d-\d\d; choose one of 1.36, 1.35/],
      [{ subnetIds: ['subnet-a'] }, /subnetIds must list at least two subnets/],
      [{ logRetentionDays: 2 }, /logRetentionDays \(2\) must be one of/],
      [{ endpointPublicAccess: true }, /publicAccessCidrs must list the networks/],
      [{ endpointPublicAccess: true, publicAccessCidrs: ['0.0.0.0/0'] }, /must not contain 0.0.0.0\/0 \(SC-7\)/],
    ])('%p', (props, message) => {
      expect(() => synthConstructs((scope) => new SecureCluster(scope, 'cluster', { ...BASE, ...props }))).toThrow(message);
    });
  });
});
