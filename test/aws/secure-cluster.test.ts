import { EksAddon } from '@cdktf/provider-aws/lib/eks-addon';
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

    test('authentication through access entries (API mode), with no bootstrap entry Terraform cannot manage', () => {
      expect(cluster.access_config).toEqual({ authentication_mode: 'API', bootstrap_cluster_creator_admin_permissions: false });
    });

    test('the principal that applies is cluster admin by its IAM role, not its STS session', () => {
      const context = Object.values(tf.data?.aws_iam_session_context ?? {})[0] as any;
      expect(context.arn).toMatch(/^\$\{data\.aws_caller_identity\.\w+\.arn\}$/);
      const entry = onlyResource(tf, 'aws_eks_access_entry');
      expect(entry.for_each).toMatch(/^\$\{toset\(distinct\(\[data\.aws_iam_session_context\.\w+\.issuer_arn\]\)\)\}$/);
      expect(entry).toMatchObject({ principal_arn: '${each.value}', type: 'STANDARD' });
      const association = onlyResource(tf, 'aws_eks_access_policy_association');
      expect(association).toMatchObject({ for_each: entry.for_each, principal_arn: '${each.value}', access_scope: { type: 'cluster' } });
      expect(association.policy_arn).toMatch(/:eks::aws:cluster-access-policy\/AmazonEKSClusterAdminPolicy$/);
      expect(association.depends_on).toEqual([expect.stringMatching(/^aws_eks_access_entry\./)]);
    });

    test('the API admits only its own security group: no operator network unless named', () => {
      expect(tf.resource?.aws_vpc_security_group_ingress_rule).toBeUndefined();
    });

    test('the cluster and its audit log group are protected from destroy', () => {
      expect(cluster.lifecycle).toEqual({ prevent_destroy: true });
      expect(onlyResource(tf, 'aws_cloudwatch_log_group').lifecycle).toEqual({ prevent_destroy: true });
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

    test('the VPC CNI enforces NetworkPolicy, in standard mode until the system policies exist, and Pod Identity is installed', () => {
      const addons = resourcesOf(tf, 'aws_eks_addon');
      const cni = addons.find((a) => a.addon_name === 'vpc-cni');
      expect(JSON.parse(String(cni?.configuration_values))).toEqual({ enableNetworkPolicy: 'true', env: { NETWORK_POLICY_ENFORCING_MODE: 'standard' } });
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
    test('adminPrincipalArns join the applying principal as cluster admins, each once', () => {
      const tf = synthConstructs((scope) =>
        new SecureCluster(scope, 'cluster', { ...BASE, adminPrincipalArns: ['arn:aws-us-gov:iam::123456789012:role/admins'] }),
      );
      expect(onlyResource(tf, 'aws_eks_cluster').access_config.bootstrap_cluster_creator_admin_permissions).toBe(false);
      expect(onlyResource(tf, 'aws_eks_access_entry').for_each).toMatch(
        /^\$\{toset\(distinct\(\[data\.aws_iam_session_context\.\w+\.issuer_arn, "arn:aws-us-gov:iam::123456789012:role\/admins"\]\)\)\}$/,
      );
    });

    test('operatorCidrs get HTTPS to the private API, and nothing else', () => {
      const tf = synthConstructs((scope) => new SecureCluster(scope, 'cluster', { ...BASE, operatorCidrs: ['10.90.0.0/24', '192.168.20.0/24'] }));
      const rules = resourcesOf(tf, 'aws_vpc_security_group_ingress_rule');
      expect(rules.map((r) => [r.cidr_ipv4, r.ip_protocol, r.from_port, r.to_port])).toEqual([
        ['10.90.0.0/24', 'tcp', 443, 443],
        ['192.168.20.0/24', 'tcp', 443, 443],
      ]);
      for (const r of rules) expect(r.security_group_id).toMatch(/aws_eks_cluster\.\w+\.vpc_config\[0\]\.cluster_security_group_id/);
    });

    test('networkPolicyMode: strict enforces from pod start', () => {
      const tf = synthConstructs((scope) => new SecureCluster(scope, 'cluster', { ...BASE, networkPolicyMode: 'strict' }));
      const cni = resourcesOf(tf, 'aws_eks_addon').find((a) => a.addon_name === 'vpc-cni');
      expect(JSON.parse(String(cni?.configuration_values))).toEqual({ enableNetworkPolicy: 'true', env: { NETWORK_POLICY_ENFORCING_MODE: 'strict' } });
    });

    test('enforceNetworkPolicyAfter makes strict mode wait for the add-ons whose pods must run first', () => {
      const tf = synthConstructs((scope) => {
        const cluster = new SecureCluster(scope, 'cluster', BASE);
        cluster.enforceNetworkPolicyAfter(new EksAddon(scope, 'csi', { clusterName: 'demo', addonName: 'aws-efs-csi-driver' }));
      });
      const cni = resourcesOf(tf, 'aws_eks_addon').find((a) => a.addon_name === 'vpc-cni') as any;
      expect(cni.depends_on).toEqual(['aws_eks_addon.csi']);
    });

    test('preventDestroy: false lifts the protection, visibly', () => {
      const tf = synthConstructs((scope) => new SecureCluster(scope, 'cluster', { ...BASE, preventDestroy: false }));
      expect(onlyResource(tf, 'aws_eks_cluster').lifecycle).toEqual({ prevent_destroy: false });
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
      [{ operatorCidrs: ['0.0.0.0/0'] }, /operatorCidrs \(0.0.0.0\/0\) must be IPv4 networks narrower than \/0/],
      [{ operatorCidrs: ['10.0.0.1/8'] }, /operatorCidrs \(10.0.0.1\/8\) must be IPv4 networks/],
    ])('%p', (props, message) => {
      expect(() => synthConstructs((scope) => new SecureCluster(scope, 'cluster', { ...BASE, ...props }))).toThrow(message);
    });
  });
});
