import { DEFAULT_KUBERNETES_VERSION } from '../../lib/core/kubernetes-versions';
import { CustomerManagedKey } from '../../lib/aws/customer-managed-key';
import { NODE_MANAGED_POLICIES, SecureNodePool, type SecureNodePoolProps } from '../../lib/aws/secure-node-pool';
import { FAKE_CLUSTER } from '../support/aws-fixtures';
import { onlyResource, policyOf, resourcesOf, synthConstructs, type TfJson } from '../support/synth';

const BASE: SecureNodePoolProps = {
  cluster: FAKE_CLUSTER,
  nodePoolName: 'dcaa-secure',
  subnetIds: ['subnet-a', 'subnet-b'],
  desiredSize: 10,
  runtime: 'fips-ubuntu-22.04',
};

function pool(props: Partial<SecureNodePoolProps> = {}): TfJson {
  return synthConstructs((scope) => new SecureNodePool(scope, 'pool', { ...BASE, ...props }));
}

function userData(lt: Record<string, any>): string {
  // Ubuntu user data is base64encode("...") over references; the text is inside the call.
  return String(lt.user_data);
}

describe('SecureNodePool', () => {
  describe('secure defaults', () => {
    const tf = pool();
    const lt = onlyResource(tf, 'aws_launch_template');
    const group = onlyResource(tf, 'aws_eks_node_group');

    test('IMDSv2 required, hop limit 1, no instance tags in metadata (AC-6, CKV_AWS_79)', () => {
      expect(lt.metadata_options).toEqual({ http_endpoint: 'enabled', http_tokens: 'required', http_put_response_hop_limit: 1, instance_metadata_tags: 'disabled' });
    });

    test('root disk encrypted with a customer key that Auto Scaling may use (SC-28)', () => {
      expect(lt.block_device_mappings).toEqual([
        { device_name: '/dev/sda1', ebs: expect.objectContaining({ encrypted: 'true', volume_type: 'gp3', volume_size: 100, kms_key_id: expect.stringMatching(/aws_kms_key/) }) },
      ]);
      const sids = policyOf(onlyResource(tf, 'aws_kms_key')).Statement.map((s) => s.Sid);
      expect(sids).toEqual(['AccountAdministersKeyThroughIam', 'AutoScalingUsesKeyForNodeDisks', 'AutoScalingGrantsForAttachedDisks']);
    });

    test('no public IPs, no SSH key, no remote access (SC-7, IA-5, CKV_AWS_88, CKV_AWS_100)', () => {
      expect(lt.network_interfaces).toBeUndefined();
      expect(lt.key_name).toBeUndefined();
      expect(group.remote_access).toBeUndefined();
    });

    test('in the private subnets, with the desired size fixed and rolling updates', () => {
      expect(group).toMatchObject({
        node_group_name: 'dcaa-secure',
        subnet_ids: ['subnet-a', 'subnet-b'],
        scaling_config: { desired_size: 10, min_size: 10, max_size: 10 },
        update_config: { max_unavailable_percentage: 25 },
        capacity_type: 'ON_DEMAND',
        instance_types: ['m6i.xlarge'],
      });
      expect(group.launch_template).toEqual({ id: expect.stringMatching(/aws_launch_template\.\w+\.id/), version: expect.stringMatching(/latest_version/) });
    });

    test('the node role holds only the policies nodes need', () => {
      const arns = resourcesOf(tf, 'aws_iam_role_policy_attachment').map((a) => String(a.policy_arn).split('/').pop());
      expect(arns.sort()).toEqual([...NODE_MANAGED_POLICIES].sort());
      expect(tf.resource?.aws_iam_role_policy).toBeUndefined();
      expect(policyOf(onlyResource(tf, 'aws_iam_role'), 'assume_role_policy').Statement[0].Principal).toEqual({ Service: 'ec2.amazonaws.com' });
    });

    test('fips-ubuntu-22.04 boots Canonical Ubuntu Pro EKS for the cluster version, as a custom AMI', () => {
      expect(group.ami_type).toBe('CUSTOM');
      expect(group.version).toBeUndefined();
      expect(lt.image_id).toMatch(/data\.aws_ssm_parameter\.\w+\.insecure_value/);
      expect(Object.values(tf.data?.aws_ssm_parameter ?? {})[0]).toEqual({
        name: `/aws/service/canonical/ubuntu/eks-pro/22.04/${DEFAULT_KUBERNETES_VERSION}/stable/current/amd64/hvm/ebs-gp2/ami-id`,
      });
    });

    test('fips-ubuntu-22.04 joins the cluster only once the kernel is in FIPS mode (SC-13)', () => {
      const text = userData(lt);
      expect(text).toMatch(/^\$\{base64encode\("#cloud-config/);
      expect(text).toContain('grep -qx 1 /proc/sys/crypto/fips_enabled || exit 0');
      expect(text).toContain('pro enable fips-updates --assume-yes && shutdown -r now');
      expect(text).toContain("/etc/eks/bootstrap.sh 'demo' --apiserver-endpoint 'https://ABC.gr7.us-gov-west-1.eks.amazonaws.com' --b64-cluster-ca 'Q0VSVA=='");
    });

    test('cis-level-2 by default: detailed monitoring and hardened kubelet flags', () => {
      expect(lt.monitoring).toEqual({ enabled: true });
      expect(userData(lt)).toContain('--read-only-port=0');
      expect(userData(lt)).toContain('--streaming-connection-idle-timeout=5m');
    });
  });

  describe('options', () => {
    test('metadataHopLimit 2 is an explicit choice', () => {
      expect(onlyResource(pool({ metadataHopLimit: 2 }), 'aws_launch_template').metadata_options.http_put_response_hop_limit).toBe(2);
    });

    test('bottlerocket-fips uses the EKS-managed FIPS AMI type and encrypts both its disks', () => {
      const tf = pool({ runtime: 'bottlerocket-fips' });
      const group = onlyResource(tf, 'aws_eks_node_group');
      expect(group.ami_type).toBe('BOTTLEROCKET_x86_64_FIPS');
      expect(group.version).toBe(DEFAULT_KUBERNETES_VERSION);
      const lt = onlyResource(tf, 'aws_launch_template');
      expect(lt.image_id).toBeUndefined();
      expect(lt.block_device_mappings.map((m: any) => [m.device_name, m.ebs.encrypted])).toEqual([['/dev/xvda', 'true'], ['/dev/xvdb', 'true']]);
      const settings = Buffer.from(lt.user_data, 'base64').toString();
      expect(settings).toContain('lockdown = "integrity"');
      expect(settings).toMatch(/\[settings.host-containers.admin\]\nenabled = false/);
    });

    test('cis-level-1 turns off detailed monitoring and the level-2 kubelet flags', () => {
      const lt = onlyResource(pool({ baseline: 'cis-level-1' }), 'aws_launch_template');
      expect(lt.monitoring).toEqual({ enabled: false });
      expect(userData(lt)).toContain('--read-only-port=0');
      expect(userData(lt)).not.toContain('--streaming-connection-idle-timeout');
    });

    test('imageId replaces the SSM lookup with an agency golden AMI', () => {
      const tf = pool({ imageId: 'ami-0123456789abcdef0' });
      expect(onlyResource(tf, 'aws_launch_template').image_id).toBe('ami-0123456789abcdef0');
      expect(tf.data?.aws_ssm_parameter).toBeUndefined();
    });

    test('minSize, maxSize, instanceTypes, diskSizeGiB, maxUnavailablePercentage and labels', () => {
      const tf = pool({ minSize: 2, maxSize: 20, instanceTypes: ['m7i.large'], diskSizeGiB: 250, maxUnavailablePercentage: 10, labels: { team: 'audit' } });
      const group = onlyResource(tf, 'aws_eks_node_group');
      expect(group).toMatchObject({ scaling_config: { desired_size: 10, min_size: 2, max_size: 20 }, instance_types: ['m7i.large'], update_config: { max_unavailable_percentage: 10 } });
      expect(group.labels).toMatchObject({ team: 'audit', 'hms-sys/node-pool': 'dcaa-secure' });
      expect(onlyResource(tf, 'aws_launch_template').block_device_mappings[0].ebs.volume_size).toBe(250);
    });

    test('diskKey uses a given key', () => {
      const tf = synthConstructs((scope) => {
        const key = new CustomerManagedKey(scope, 'k', { description: 'd', aliasName: 'a' });
        new SecureNodePool(scope, 'pool', { ...BASE, diskKey: key });
      });
      expect(resourcesOf(tf, 'aws_kms_key')).toHaveLength(1);
    });
  });

  describe('validation errors', () => {
    test.each([
      [{ minSize: 3, maxSize: 2, desiredSize: 2 }, /SecureNodePool.maxSize \(2\) must be >= minSize \(3\) at .*pool/],
      [{ desiredSize: 0 }, /desiredSize \(0\) must be a whole number >= 1/],
      [{ desiredSize: 500 }, /maxSize \(500\) must be <= 450/],
      [{ runtime: 'ubuntu-22.04' as never }, /runtime \(ubuntu-22.04\) is not supported; supported: fips-ubuntu-22.04, bottlerocket-fips/],
      [{ baseline: 'stig' as never }, /baseline \(stig\) is not supported/],
      [{ diskSizeGiB: 8 }, /diskSizeGiB \(8\) must be from 20/],
      [{ metadataHopLimit: 3 as never }, /metadataHopLimit \(3\) must be 1 or 2/],
      [{ subnetIds: [] }, /subnetIds must list at least one private subnet/],
      [{ runtime: 'bottlerocket-fips' as const, imageId: 'ami-0123456789abcdef0' }, /imageId applies to fips-ubuntu-22.04 only/],
    ])('%p', (props, message) => {
      expect(() => pool(props)).toThrow(message);
    });
  });
});
