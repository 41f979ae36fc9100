/**
 * Constructs validate props through tokens: a value known only at plan time (a
 * TerraformVariable, a reference, a list token) is passed to Terraform, not read as
 * the number or list CDKTF encodes it as (-8.1e+298, a list of one). Literal values
 * are still checked.
 */
import { TerraformVariable } from 'cdktf';
import type { Construct } from 'constructs';
import { SecureCluster } from '../../lib/aws/secure-cluster';
import { SecureNodePool } from '../../lib/aws/secure-node-pool';
import { SecureNodePool as AksNodePool } from '../../lib/azure/secure-node-pool';
import { FAKE_CLUSTER } from '../support/aws-fixtures';
import { FAKE_AKS } from '../support/azure-fixtures';
import { onlyResource, synthConstructs } from '../support/synth';

const count = (scope: Construct) => new TerraformVariable(scope, 'node_count', { type: 'number' }).numberValue;
const subnets = (scope: Construct) => new TerraformVariable(scope, 'subnet_ids', { type: 'list(string)' }).listValue;

describe('construct props through tokens', () => {
  describe('aws.SecureNodePool with a variable node count and a list token of subnets', () => {
    const tf = synthConstructs((s) => new SecureNodePool(s, 'pool', { cluster: FAKE_CLUSTER, nodePoolName: 'general', subnetIds: subnets(s), desiredSize: count(s), runtime: 'fips-ubuntu-22.04' }));
    const group = onlyResource(tf, 'aws_eks_node_group');

    test('the count reaches Terraform as the variable', () => {
      expect(group.scaling_config).toEqual({ desired_size: '${var.node_count}', min_size: '${var.node_count}', max_size: '${var.node_count}' });
    });

    test('the subnets reach Terraform as the variable', () => {
      expect(group.subnet_ids).toBe('${var.subnet_ids}');
    });
  });

  test('aws.SecureNodePool: a variable desired size within literal bounds is accepted; literal bounds are still checked', () => {
    const tf = synthConstructs((s) => new SecureNodePool(s, 'pool', { cluster: FAKE_CLUSTER, nodePoolName: 'general', subnetIds: ['subnet-a'], desiredSize: count(s), minSize: 2, maxSize: 6, runtime: 'fips-ubuntu-22.04' }));
    expect(onlyResource(tf, 'aws_eks_node_group').scaling_config).toEqual({ desired_size: '${var.node_count}', min_size: 2, max_size: 6 });
    expect(() =>
      synthConstructs((s) => new SecureNodePool(s, 'pool', { cluster: FAKE_CLUSTER, nodePoolName: 'general', subnetIds: ['subnet-a'], desiredSize: count(s), minSize: 6, maxSize: 2, runtime: 'fips-ubuntu-22.04' })),
    ).toThrow(/SecureNodePool.maxSize \(2\) must be >= minSize \(6\)/);
  });

  test('aws.SecureNodePool: a literal bad count is still refused', () => {
    expect(() => synthConstructs((s) => new SecureNodePool(s, 'pool', { cluster: FAKE_CLUSTER, nodePoolName: 'general', subnetIds: ['subnet-a'], desiredSize: 0, runtime: 'fips-ubuntu-22.04' }))).toThrow(
      /SecureNodePool.desiredSize \(0\) must be a whole number >= 1/,
    );
  });

  test('aws.SecureCluster accepts a list token of subnets, and still refuses one literal subnet', () => {
    const tf = synthConstructs((s) => new SecureCluster(s, 'cluster', { clusterName: 'agency', subnetIds: subnets(s) }));
    expect(onlyResource(tf, 'aws_eks_cluster').vpc_config.subnet_ids).toBe('${var.subnet_ids}');
    expect(() => synthConstructs((s) => new SecureCluster(s, 'cluster', { clusterName: 'agency', subnetIds: ['subnet-a'] }))).toThrow(/subnetIds must list at least two subnets in different zones; received 1/);
  });

  test('azure.SecureNodePool accepts a variable node count', () => {
    const tf = synthConstructs((s) => new AksNodePool(s, 'pool', { cluster: FAKE_AKS, nodePoolName: 'general', desiredSize: count(s), runtime: 'fips-ubuntu-22.04' }));
    expect(onlyResource(tf, 'azurerm_kubernetes_cluster_node_pool').node_count).toBe('${var.node_count}');
  });
});
