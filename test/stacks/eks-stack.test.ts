import { App, Testing } from 'cdktf';
import { STATEFUL_TYPES } from '../../lib/plan/stateful-guard';
import { EksStack } from '../../stacks/eks-stack';
import { exampleBlueprint, onlyResource, policyOf, resourcesOf, synthStack } from '../support/synth';

const addon = (tf: ReturnType<typeof synthStack>, name: string) => resourcesOf(tf, 'aws_eks_addon').find((a) => a.addon_name === name) as Record<string, any> | undefined;

describe('EksStack', () => {
  const stack = new EksStack(Testing.app(), 'dcaa-audit-aws', { blueprint: exampleBlueprint() });
  const tf = synthStack(stack);

  test('matches the snapshot of the example blueprint', () => {
    expect(tf).toMatchSnapshot();
  });

  test('the provider targets GovCloud West and tags every resource with its blueprint', () => {
    const [aws] = tf.provider?.aws ?? [];
    expect(aws).toMatchObject({
      region: 'us-gov-west-1',
      use_fips_endpoint: false,
      default_tags: [{ tags: { 'hms-sys:blueprint': 'dcaa-audit', 'hms-sys:source': 'blueprints/dcaa-audit.yml', 'managed-by': 'hms-sys' } }],
    });
  });

  test('CoreDNS and kube-proxy are EKS add-ons, created once nodes exist, at the default version for the cluster version', () => {
    const nodeGroup = Object.keys(tf.resource?.aws_eks_node_group ?? {})[0];
    for (const name of ['coredns', 'kube-proxy']) {
      const a = addon(tf, name);
      expect(a).toMatchObject({ resolve_conflicts_on_create: 'OVERWRITE', cluster_name: expect.stringMatching(/^\$\{aws_eks_cluster\.\w+\.name\}$/) });
      expect(a?.depends_on).toContain(`aws_eks_node_group.${nodeGroup}`);
      const version = String(a?.addon_version).match(/^\$\{data\.aws_eks_addon_version\.(\S+)\.version\}$/)?.[1];
      expect((tf.data?.aws_eks_addon_version as any)?.[version ?? '']).toEqual({ addon_name: name, kubernetes_version: onlyResource(tf, 'aws_eks_cluster').version });
    }
  });

  test('pins the AWS provider that the offline mirror holds', () => {
    expect(tf.terraform?.required_providers).toEqual({ aws: { source: 'aws', version: '5.100.0' } });
  });

  test('keeps state locally, outside cdktf.out', () => {
    expect(tf.terraform?.backend).toEqual({ local: { path: '../../../terraform-state/dcaa-audit-aws.tfstate' } });
  });

  test('the blueprint becomes the cluster and the node pool it describes, on the FIPS image built for it', () => {
    expect(onlyResource(tf, 'aws_eks_cluster').name).toBe('dcaa-audit');
    expect(onlyResource(tf, 'aws_eks_node_group')).toMatchObject({ node_group_name: 'dcaa-secure', scaling_config: { desired_size: 10 }, ami_type: 'CUSTOM' });
    expect(onlyResource(tf, 'aws_launch_template').image_id).toMatch(/aws_imagebuilder_image\./);
  });

  test('ten replicas share the 1 TiB volume: EFS with its CSI driver and backups, and no EBS volume or EBS driver', () => {
    expect(onlyResource(tf, 'aws_efs_file_system')).toMatchObject({ encrypted: true, tags: { Name: 'contract-pdfs' }, lifecycle: { prevent_destroy: true } });
    expect(resourcesOf(tf, 'aws_efs_mount_target')).toHaveLength(3);
    expect(onlyResource(tf, 'aws_backup_selection').resources).toEqual([expect.stringMatching(/^\$\{aws_efs_file_system\.[\w-]+\.arn\}$/)]);
    expect(tf.resource?.aws_ebs_volume).toBeUndefined();
    expect(addon(tf, 'aws-ebs-csi-driver')).toBeUndefined();
    expect(addon(tf, 'aws-efs-csi-driver')?.depends_on).toEqual(expect.arrayContaining([expect.stringMatching(/^aws_eks_node_group\./), expect.stringMatching(/^aws_efs_mount_target\./)]));
  });

  test("NFS is admitted from the nodes only: EKS's cluster security group, which managed nodes without their own groups get", () => {
    const nfs = resourcesOf(tf, 'aws_security_group').find((g) => String(g.name).endsWith('-nfs')) as any;
    expect(nfs.ingress[0].security_groups).toEqual([expect.stringMatching(/aws_eks_cluster\.\w+\.vpc_config\[0\]\.cluster_security_group_id/)]);
    expect(onlyResource(tf, 'aws_launch_template').vpc_security_group_ids).toBeUndefined();
  });

  test('the first apply enforces NetworkPolicy in standard mode: CoreDNS has no kube-system policy until the -k8s stack applies, and strict would deny a recreated CoreDNS pod', () => {
    const cni = addon(tf, 'vpc-cni');
    expect(JSON.parse(cni?.configuration_values)).toEqual({ enableNetworkPolicy: 'true', env: { NETWORK_POLICY_ENFORCING_MODE: 'standard' } });
    expect(stack.notices).toContainEqual(expect.stringMatching(/standard mode.*once dcaa-audit-aws-k8s has applied.*aws\.networkPolicyMode: strict/i));
  });

  describe('aws.networkPolicyMode: strict (the second apply)', () => {
    const strictStack = new EksStack(Testing.app(), 'dcaa-audit-aws', { blueprint: exampleBlueprint((y) => `${y}\naws:\n  networkPolicyMode: strict\n`) });
    const strict = synthStack(strictStack);

    test('strict NetworkPolicy turns on only after the nodes and the EFS CSI controller are running', () => {
      const cni = addon(strict, 'vpc-cni');
      expect(JSON.parse(cni?.configuration_values).env).toEqual({ NETWORK_POLICY_ENFORCING_MODE: 'strict' });
      expect(cni?.depends_on).toEqual([
        expect.stringMatching(/^aws_eks_node_group\./),
        expect.stringMatching(/^aws_eks_addon\.dns-and-proxy_coredns/),
        expect.stringMatching(/^aws_eks_addon\.efs-csi-driver/),
      ]);
      expect(strictStack.notices.join('\n')).not.toMatch(/standard mode/);
    });
  });

  test('ghcr.io is mirrored by pull-through cache, and the node role may fill that cache only', () => {
    expect(onlyResource(tf, 'aws_ecr_pull_through_cache_rule')).toMatchObject({ ecr_repository_prefix: 'dcaa-audit/ghcr', upstream_registry_url: 'ghcr.io' });
    const pull = resourcesOf(tf, 'aws_iam_role_policy').find((p) => p.name === 'pull-through-cache') as Record<string, unknown>;
    expect(policyOf(pull).Statement[0].Resource).toEqual([expect.stringMatching(/:ecr:.*:repository\/dcaa-audit\/ghcr\/\*$/)]);
  });

  test('without a transit gateway nothing is routed out, and the stack says so', () => {
    expect(tf.resource?.aws_ec2_transit_gateway_vpc_attachment).toBeUndefined();
    expect(stack.notices).toContainEqual(expect.stringMatching(/nothing outside the VPC can reach the workload or the cluster API: network\.policy\.ingressCIDR \(192\.168\.15\.0\/24\) cannot be routed to it until aws\.transitGatewayId/));
  });

  test('the stateful-resource guard knows every type here that holds data, keys or credentials', () => {
    const stateful = ['aws_eks_cluster', 'aws_efs_file_system', 'aws_backup_vault', 'aws_kms_key'];
    for (const type of stateful) expect(Object.keys(tf.resource ?? {})).toContain(type);
    expect(stateful.filter((t) => !(t in STATEFUL_TYPES))).toEqual([]);
  });

  test('holds no Kubernetes provider resources, so the offline AWS provider can plan it', () => {
    expect(Object.keys(tf.provider ?? {})).toEqual(['aws']);
    expect(Object.keys(tf.resource ?? {}).every((t) => t.startsWith('aws_'))).toBe(true);
  });

  test('no ARN is built with a hard-coded partition', () => {
    expect(JSON.stringify(tf)).not.toMatch(/arn:aws:/);
  });

  test('outputs what status, the preflight checks and operators need, and nothing secret', () => {
    expect(Object.keys(tf.output ?? {}).sort()).toEqual(
      [
        'cluster_admin_principal',
        'cluster_endpoint',
        'cluster_name',
        'file_system_id',
        'file_system_kms_key_arn',
        'node_image_id',
        'node_pool_desired_size',
        'node_pool_name',
        'registry_credential_secret',
        'vpc_id',
      ].sort(),
    );
    expect(tf.output?.registry_credential_secret.value).toBe('ecr-pullthroughcache/dcaa-audit/ghcr');
  });

  describe('options', () => {
    test('one replica keeps a block volume: EBS in the first zone, backed up, with the EBS CSI driver on both keys', () => {
      const tf1 = synthStack(new EksStack(new App(), 'x-aws', { blueprint: exampleBlueprint((y) => y.replace('replicas: 10', 'replicas: 1')) }));
      const [firstSubnet] = Object.keys(tf1.resource?.aws_subnet ?? {});
      expect(onlyResource(tf1, 'aws_ebs_volume')).toMatchObject({ size: 1024, encrypted: true, availability_zone: `\${aws_subnet.${firstSubnet}.availability_zone}` });
      expect(onlyResource(tf1, 'aws_backup_selection').resources).toEqual([expect.stringMatching(/aws_ebs_volume/)]);
      expect(tf1.resource?.aws_efs_file_system).toBeUndefined();
      expect(JSON.parse(String(resourcesOf(tf1, 'aws_iam_role_policy').find((p) => p.name === 'use-customer-keys')?.policy)).Statement[0].Resource).toHaveLength(2);
      expect(addon(tf1, 'vpc-cni')?.depends_on).toEqual([
        expect.stringMatching(/^aws_eks_node_group\./),
        expect.stringMatching(/^aws_eks_addon\.dns-and-proxy_coredns/),
        expect.stringMatching(/^aws_eks_addon\.ebs-csi-driver/),
      ]);
    });

    test('"storage: none" has no volume, no CSI driver and no volume outputs', () => {
      const bp = exampleBlueprint((y) => y.replace(/storage:[\s\S]*?(?=network:)/, 'storage: none\n'));
      const tf2 = synthStack(new EksStack(new App(), 'x-aws', { blueprint: bp }));
      expect(tf2.resource?.aws_ebs_volume).toBeUndefined();
      expect(tf2.resource?.aws_efs_file_system).toBeUndefined();
      expect(resourcesOf(tf2, 'aws_eks_addon').map((a) => a.addon_name).sort()).toEqual(['coredns', 'eks-pod-identity-agent', 'kube-proxy', 'vpc-cni']);
      expect(tf2.output?.volume_id).toBeUndefined();
    });

    test('region, FIPS endpoints, a golden image, an image already in ECR, operators and the transit gateway', () => {
      const bp = exampleBlueprint(
        (y) =>
          `aws:\n  region: us-gov-east-1\n  fipsEndpoints: true\n  nodeImageId: ami-0123456789abcdef0\n  operatorCidrs: ["10.90.0.0/24"]\n  transitGatewayId: tgw-0123456789abcdef0\n${y.replace('ghcr.io/hms/dcaa-audit:v1.0', '123456789012.dkr.ecr.us-gov-east-1.amazonaws.com/dcaa-audit:v1.0')}`,
      );
      const east = new EksStack(new App(), 'x-aws', { blueprint: bp });
      const tf3 = synthStack(east);
      const [aws] = tf3.provider?.aws ?? [];
      expect(aws).toMatchObject({ region: 'us-gov-east-1', use_fips_endpoint: true });
      expect(onlyResource(tf3, 'aws_launch_template').image_id).toBe('ami-0123456789abcdef0');
      expect(tf3.resource?.aws_imagebuilder_image).toBeUndefined();
      expect(tf3.resource?.aws_ecr_pull_through_cache_rule).toBeUndefined();
      expect(east.imageMirrors).toEqual([]);
      expect(onlyResource(tf3, 'aws_vpc_security_group_ingress_rule')).toMatchObject({ cidr_ipv4: '10.90.0.0/24', from_port: 443 });
      expect(resourcesOf(tf3, 'aws_route').map((r) => r.destination_cidr_block)).toEqual(['192.168.15.0/24', '10.90.0.0/24']);
      expect(east.notices.join('\n')).not.toMatch(/nothing outside the VPC/);
    });

    test('user tags are kept and cannot override the audit tags; aws.nodeImageRevision patches the node image', () => {
      // Validation refuses these keys; a Blueprint built in code still cannot override them.
      const base = exampleBlueprint((y) => `aws:\n  nodeImageRevision: "2026-11-23"\n${y}`);
      const bp = { ...base, tags: { agency: 'DCAA', 'managed-by': 'someone-else' } };
      const tf4 = synthStack(new EksStack(new App(), 'x-aws', { blueprint: bp }));
      const [aws] = tf4.provider?.aws ?? [];
      expect((aws as any).default_tags[0].tags).toMatchObject({ agency: 'DCAA', 'managed-by': 'hms-sys' });
      // Same recipe name as the example's, a new version: Terraform builds a new image and the nodes roll.
      expect(onlyResource(tf4, 'aws_imagebuilder_image_recipe')).toMatchObject({ name: onlyResource(tf, 'aws_imagebuilder_image_recipe').name, version: '1.34.20261123' });
      expect(onlyResource(tf, 'aws_imagebuilder_image_recipe').version).toBe('1.34.0');
    });
  });
});
