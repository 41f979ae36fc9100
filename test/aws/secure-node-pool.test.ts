import { DEFAULT_KUBERNETES_VERSION } from '../../lib/core/kubernetes-versions';
import { CustomerManagedKey } from '../../lib/aws/customer-managed-key';
import { SecureNodePool, type SecureNodePoolProps } from '../../lib/aws/secure-node-pool';
import { FAKE_CLUSTER, PARTITION_REF } from '../support/aws-fixtures';
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
      const key = resourcesOf(tf, 'aws_kms_key').find((k) => String(k.description).startsWith('Node disks')) as Record<string, unknown>;
      const statements = policyOf(key).Statement;
      expect(statements.map((s) => s.Sid)).toEqual(['AccountAdministersKeyThroughIam', 'AutoScalingUsesKeyForNodeDisks', 'AutoScalingGrantsForAttachedDisks', 'ImageBuilderEncryptsNodeImages']);
      // Image Builder's service-linked role, by condition (it may not exist before the first build), via EC2 only.
      expect(statements[3].Condition.ArnEquals['aws:PrincipalArn']).toMatch(/:role\/aws-service-role\/imagebuilder\.amazonaws\.com\/AWSServiceRoleForImageBuilder$/);
      expect(statements[3].Condition.StringEquals['kms:ViaService']).toMatch(/^ec2\./);
    });

    test('the key policy names no service-linked role as principal: KMS refuses a principal that does not exist yet (kms/key.go)', () => {
      for (const key of resourcesOf(tf, 'aws_kms_key')) {
        for (const statement of policyOf(key).Statement) {
          expect(JSON.stringify(statement.Principal)).not.toMatch(/aws-service-role/);
        }
      }
      const statements = policyOf(resourcesOf(tf, 'aws_kms_key').find((k) => String(k.description).startsWith('Node disks')) as Record<string, unknown>).Statement;
      const [use, grant] = [statements[1], statements[2]];
      for (const statement of [use, grant]) {
        expect(statement.Principal).toEqual({ AWS: '*' });
        expect(statement.Condition.ArnEquals['aws:PrincipalArn']).toMatch(/:role\/aws-service-role\/autoscaling\.amazonaws\.com\/AWSServiceRoleForAutoScaling$/);
        expect(statement.Condition.StringEquals['kms:CallerAccount']).toMatch(/aws_caller_identity/);
      }
      expect(use.Action).toEqual(['kms:Encrypt', 'kms:Decrypt', 'kms:ReEncrypt*', 'kms:GenerateDataKey*', 'kms:DescribeKey']);
      expect(grant.Action).toEqual(['kms:CreateGrant']);
      expect(grant.Condition.Bool).toEqual({ 'kms:GrantIsForAWSResource': 'true' });
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

    test('a roll of ten nodes a quarter at a time gets three hours, not the provider\'s 60-minute update default', () => {
      expect(group.timeouts).toEqual({ update: '3h' });
    });

    test('the node role holds the three AWS managed policies nodes need, and nothing else', () => {
      const nodeRole = resourcesOf(tf, 'aws_iam_role').find((r) => String(r.name).endsWith('-node')) as Record<string, unknown>;
      const attached = resourcesOf(tf, 'aws_iam_role_policy_attachment')
        .filter((a) => String(a.role).includes('NodeRole'))
        .map((a) => String(a.policy_arn).replace(PARTITION_REF, '<partition>'));
      expect(attached.sort()).toEqual([
        'arn:<partition>:iam::aws:policy/AmazonEC2ContainerRegistryReadOnly',
        'arn:<partition>:iam::aws:policy/AmazonEKSWorkerNodePolicy',
        'arn:<partition>:iam::aws:policy/AmazonEKS_CNI_Policy',
      ]);
      expect(resourcesOf(tf, 'aws_iam_role_policy').filter((p) => String(p.role).includes('NodeRole'))).toEqual([]);
      expect(policyOf(nodeRole, 'assume_role_policy').Statement[0].Principal).toEqual({ Service: 'ec2.amazonaws.com' });
    });

    test('fips-ubuntu-22.04 boots the FIPS image built in the same apply, as a custom AMI', () => {
      expect(group.ami_type).toBe('CUSTOM');
      expect(group.version).toBeUndefined();
      expect(lt.image_id).toMatch(/^\$\{tolist\(aws_imagebuilder_image\.\w+\.output_resources\[0\]\.amis\)\[0\]\.image\}$/);
      expect(tf.data?.aws_ssm_parameter).toBeUndefined();
    });

    test('fips-ubuntu-22.04 needs nothing from the internet at boot, and a node outside FIPS mode never joins (SC-13)', () => {
      const text = userData(lt);
      expect(text).toMatch(/^\$\{base64encode\("#!\/bin\/bash/);
      // The user data is inside a Terraform string: lines are joined by an escaped \n, so no \b here.
      expect(text).not.toMatch(/pro (enable|attach)|apt-get|snap (install|refresh)|curl|wget/);
      expect(text).toContain("grep -qx 1 /proc/sys/crypto/fips_enabled || { echo 'hms-sys: the kernel is not in FIPS mode (SC-13); this node does not join' >&2; exit 1; }");
      expect(text).toContain("/etc/eks/bootstrap.sh 'demo' --apiserver-endpoint 'https://ABC.gr7.us-gov-west-1.eks.amazonaws.com' --b64-cluster-ca 'Q0VSVA=='");
      expect(text.indexOf('fips_enabled')).toBeLessThan(text.indexOf('bootstrap.sh'));
    });

    test('cis-level-2 by default: detailed monitoring and hardened kubelet flags', () => {
      expect(lt.monitoring).toEqual({ enabled: true });
      expect(userData(lt)).toContain('--read-only-port=0');
      expect(userData(lt)).toContain('--streaming-connection-idle-timeout=5m');
    });
  });

  describe('options', () => {
    // A golden image keeps these syntheses small: the image build is tested above and in fips-node-image.test.ts.
    const GOLDEN = { imageId: 'ami-0123456789abcdef0' };

    test('metadataHopLimit 2 is an explicit choice', () => {
      expect(onlyResource(pool({ ...GOLDEN, metadataHopLimit: 2 }), 'aws_launch_template').metadata_options.http_put_response_hop_limit).toBe(2);
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
      const lt = onlyResource(pool({ ...GOLDEN, baseline: 'cis-level-1' }), 'aws_launch_template');
      expect(lt.monitoring).toEqual({ enabled: false });
      expect(userData(lt)).toContain('--read-only-port=0');
      expect(userData(lt)).not.toContain('--streaming-connection-idle-timeout');
    });

    test('imageId replaces the image build with an agency golden AMI', () => {
      const tf = pool({ imageId: 'ami-0123456789abcdef0' });
      expect(onlyResource(tf, 'aws_launch_template').image_id).toBe('ami-0123456789abcdef0');
      expect(tf.resource?.aws_imagebuilder_image).toBeUndefined();
      expect(tf.resource?.aws_networkfirewall_firewall).toBeUndefined();
    });

    test('pullThroughRepositoryArns: the node role may import into and create the cache repositories only', () => {
      const arns = ['arn:aws-us-gov:ecr:us-gov-west-1:123456789012:repository/dcaa-audit/ghcr/*'];
      const tf = pool({ imageId: 'ami-0123456789abcdef0', pullThroughRepositoryArns: arns });
      const inline = onlyResource(tf, 'aws_iam_role_policy');
      expect(inline.name).toBe('pull-through-cache');
      expect(policyOf(inline).Statement).toEqual([{ Effect: 'Allow', Action: ['ecr:BatchImportUpstreamImage', 'ecr:CreateRepository'], Resource: arns }]);
      expect(onlyResource(tf, 'aws_eks_node_group').depends_on.some((d: string) => d.startsWith('aws_iam_role_policy.'))).toBe(true);
    });

    test('minSize, maxSize, instanceTypes, diskSizeGiB, maxUnavailablePercentage and labels', () => {
      const tf = pool({ ...GOLDEN, minSize: 2, maxSize: 20, instanceTypes: ['m7i.large'], diskSizeGiB: 250, maxUnavailablePercentage: 10, labels: { team: 'audit' } });
      const group = onlyResource(tf, 'aws_eks_node_group');
      expect(group).toMatchObject({ scaling_config: { desired_size: 10, min_size: 2, max_size: 20 }, instance_types: ['m7i.large'], update_config: { max_unavailable_percentage: 10 } });
      expect(group.labels).toMatchObject({ team: 'audit', 'hms-sys/node-pool': 'dcaa-secure' });
      expect(onlyResource(tf, 'aws_launch_template').block_device_mappings[0].ebs.volume_size).toBe(250);
    });

    test('diskKey uses a given key, for the disks and the built image', () => {
      const tf = synthConstructs((scope) => {
        const key = new CustomerManagedKey(scope, 'k', { description: 'd', aliasName: 'a' });
        new SecureNodePool(scope, 'pool', { ...BASE, diskKey: key });
      });
      expect(resourcesOf(tf, 'aws_kms_key').map((k) => k.description)).not.toContain('Node disks of demo-dcaa-secure');
      const keyRef = onlyResource(tf, 'aws_launch_template').block_device_mappings[0].ebs.kms_key_id;
      expect(onlyResource(tf, 'aws_imagebuilder_distribution_configuration').distribution[0].ami_distribution_configuration.kms_key_id).toBe(keyRef);
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
