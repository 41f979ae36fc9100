import { formatStatus, summarizeStatus, type ShowJson, type StackState } from '../../lib/status/summarize';

const out = (o: Record<string, unknown>) => Object.fromEntries(Object.entries(o).map(([k, value]) => [k, { value, sensitive: false }]));
const awsShow: ShowJson = {
  values: {
    outputs: out({ cluster_name: 'dcaa-audit', node_pool_name: 'dcaa-secure', node_pool_desired_size: 10 }),
    root_module: {
      resources: [
        { address: 'aws_eks_node_group.pool', type: 'aws_eks_node_group', values: { status: 'ACTIVE', scaling_config: [{ desired_size: 10, min_size: 10, max_size: 10 }] } },
        { address: 'aws_ebs_volume.volume', type: 'aws_ebs_volume', values: { size: 1024, encrypted: true, kms_key_id: 'arn:aws-us-gov:kms:us-gov-west-1:1:key/k' } },
      ],
    },
  },
};
const k8sShow: ShowJson = {
  values: { outputs: out({ namespace_name: 'dcaa-audit', network_policy_name: 'dcaa-isolated-default-deny', egress: 'deny-all', deployment_name: 'dcaa-secure', replicas: 10, claim_name: 'contract-pdfs', claim_mount_path: '' }) },
};

describe('summarizeStatus', () => {
  const stacks: StackState[] = [
    { stackName: 'dcaa-audit-aws', cloud: 'aws', layer: 'cloud', show: awsShow },
    { stackName: 'dcaa-audit-aws-k8s', cloud: 'aws', layer: 'kubernetes', show: k8sShow },
    { stackName: 'dcaa-audit-azure', cloud: 'azure', layer: 'cloud' },
    { stackName: 'dcaa-audit-azure-k8s', cloud: 'azure', layer: 'kubernetes', error: 'Error: Failed to query available provider packages' },
  ];

  test('reads like the seed: node pool, volume, network policy, workload', () => {
    expect(formatStatus(summarizeStatus(stacks)).split('\n')).toEqual([
      '✔ Node pool dcaa-secure created on aws (10 desired, EKS status ACTIVE)',
      '✔ Volume encrypted with a customer key (1024 GiB) on aws',
      '✔ Claim contract-pdfs on aws: not mounted (a block volume serves one node)',
      '✔ Network policy enforced on aws: dcaa-isolated-default-deny (egress: DENY)',
      '✔ Workload dcaa-secure deployed on aws (10 replicas)',
      '✘ dcaa-audit-azure: not deployed',
      '✘ dcaa-audit-azure-k8s: state could not be read: Error: Failed to query available provider packages',
    ]);
  });

  test('a volume without a customer key is not ok', () => {
    const plain: ShowJson = { values: { outputs: out({ node_pool_name: 'p' }), root_module: { resources: [{ type: 'aws_ebs_volume', values: { size: 5, encrypted: false } }] } } };
    const lines = summarizeStatus([{ stackName: 'x-aws', cloud: 'aws', layer: 'cloud', show: plain }]);
    expect(lines.find((l) => l.item === 'volume')).toMatchObject({ ok: false, text: 'Volume NOT encrypted with a customer key (5 GiB) on aws' });
  });

  test('AKS pools report their node count', () => {
    const aks: ShowJson = { values: { outputs: out({ node_pool_name: 'dcaasecure' }), root_module: { resources: [{ type: 'azurerm_kubernetes_cluster_node_pool', values: { node_count: 3 } }] } } };
    expect(summarizeStatus([{ stackName: 'x-azure', cloud: 'azure', layer: 'cloud', show: aks }])[0].text).toBe('Node pool dcaasecure created on azure (3 desired)');
  });
});
