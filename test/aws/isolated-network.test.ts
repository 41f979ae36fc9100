import { IsolatedNetwork, NODE_INTERFACE_ENDPOINTS } from '../../lib/aws/isolated-network';
import { onlyResource, policyOf, resourcesOf, synthConstructs } from '../support/synth';

describe('IsolatedNetwork', () => {
  describe('secure defaults', () => {
    const tf = synthConstructs((scope) => new IsolatedNetwork(scope, 'net', { name: 'demo' }));

    test('a VPC with DNS for private endpoints', () => {
      expect(onlyResource(tf, 'aws_vpc')).toMatchObject({ cidr_block: '10.40.0.0/16', enable_dns_support: true, enable_dns_hostnames: true });
    });

    test('private subnets in three zones, never assigning public IPs (SC-7, CKV_AWS_130)', () => {
      const subnets = resourcesOf(tf, 'aws_subnet');
      expect(subnets.map((s) => s.cidr_block)).toEqual(['10.40.0.0/20', '10.40.16.0/20', '10.40.32.0/20']);
      for (const s of subnets) expect(s).toMatchObject({ map_public_ip_on_launch: false, assign_ipv6_address_on_creation: false });
      expect(new Set(subnets.map((s) => s.availability_zone)).size).toBe(3);
    });

    test('no internet or NAT gateway, and no route out of the VPC', () => {
      expect(tf.resource?.aws_internet_gateway).toBeUndefined();
      expect(tf.resource?.aws_nat_gateway).toBeUndefined();
      expect(tf.resource?.aws_route).toBeUndefined();
      expect(onlyResource(tf, 'aws_route_table').route).toBeUndefined();
    });

    test('the default security group is adopted with no rules (CKV2_AWS_12)', () => {
      const sg = onlyResource(tf, 'aws_default_security_group');
      expect(sg.ingress).toBeUndefined();
      expect(sg.egress).toBeUndefined();
    });

    test('endpoints for every AWS API nodes need, reachable on 443 from the VPC only', () => {
      const endpoints = resourcesOf(tf, 'aws_vpc_endpoint');
      const services = endpoints.map((e) => String(e.service_name).replace(/^com\.amazonaws\.\$\{[^}]+\}\./, ''));
      expect(services.sort()).toEqual([...NODE_INTERFACE_ENDPOINTS, 's3'].sort());
      for (const e of endpoints.filter((e) => e.vpc_endpoint_type === 'Interface')) expect(e.private_dns_enabled).toBe(true);
      const sg = onlyResource(tf, 'aws_security_group');
      expect(sg.ingress).toEqual([expect.objectContaining({ from_port: 443, to_port: 443, protocol: 'tcp', cidr_blocks: ['10.40.0.0/16'] })]);
      expect(sg.egress).toEqual([]);
      expect(sg.description).toBeTruthy();
    });

    test('flow logs of all traffic to an encrypted log group with one-year retention (AU-2, AU-11, SC-28)', () => {
      expect(onlyResource(tf, 'aws_flow_log')).toMatchObject({ traffic_type: 'ALL', log_destination_type: 'cloud-watch-logs' });
      const group = onlyResource(tf, 'aws_cloudwatch_log_group');
      expect(group.retention_in_days).toBe(365);
      expect(group.kms_key_id).toMatch(/aws_kms_key\.\w+\.arn/);
      expect(onlyResource(tf, 'aws_kms_key').enable_key_rotation).toBe(true);
    });

    test('the flow log role trusts flow logs of this account only and may only write logs', () => {
      const trust = policyOf(onlyResource(tf, 'aws_iam_role'), 'assume_role_policy').Statement[0];
      expect(trust.Principal).toEqual({ Service: 'vpc-flow-logs.amazonaws.com' });
      expect(trust.Condition.StringEquals['aws:SourceAccount']).toMatch(/caller_identity/);
      const actions = policyOf(onlyResource(tf, 'aws_iam_role_policy')).Statement.flatMap((s) => s.Action);
      expect(actions).toEqual(['logs:CreateLogStream', 'logs:PutLogEvents', 'logs:DescribeLogStreams']);
    });

    test('the log key lets CloudWatch Logs use it for this account only', () => {
      const statements = policyOf(onlyResource(tf, 'aws_kms_key')).Statement;
      const logs = statements.find((s) => s.Sid === 'CloudWatchLogsEncryptsThisAccountsLogGroups');
      expect(logs.Condition.ArnLike['kms:EncryptionContext:aws:logs:arn']).toMatch(/^arn:\$\{.*\}:logs:.*:log-group:\*$/);
    });
  });

  describe('options', () => {
    test('vpcCidr and availabilityZoneCount carve the subnets', () => {
      const tf = synthConstructs((scope) => new IsolatedNetwork(scope, 'net', { name: 'demo', vpcCidr: '10.50.0.0/20', availabilityZoneCount: 2 }));
      expect(resourcesOf(tf, 'aws_subnet').map((s) => s.cidr_block)).toEqual(['10.50.0.0/24', '10.50.1.0/24']);
    });

    test('flowLogRetentionDays sets the retention', () => {
      const tf = synthConstructs((scope) => new IsolatedNetwork(scope, 'net', { name: 'demo', flowLogRetentionDays: 3653 }));
      expect(onlyResource(tf, 'aws_cloudwatch_log_group').retention_in_days).toBe(3653);
    });

    test('clusterName tags the subnets for the cloud provider, which places internal load balancers there', () => {
      const tf = synthConstructs((scope) => new IsolatedNetwork(scope, 'net', { name: 'demo', clusterName: 'demo' }));
      for (const subnet of resourcesOf(tf, 'aws_subnet')) expect(subnet.tags).toMatchObject({ 'kubernetes.io/role/internal-elb': '1', 'kubernetes.io/cluster/demo': 'shared' });
    });

    test('transitGatewayId attaches the VPC in every private subnet and routes the named networks through it, and nothing else', () => {
      const tf = synthConstructs((scope) =>
        new IsolatedNetwork(scope, 'net', { name: 'demo', transitGatewayId: 'tgw-0123456789abcdef0', transitRoutedCidrs: ['192.168.15.0/24', '10.90.0.0/24', '192.168.15.0/24'] }),
      );
      const attachment = onlyResource(tf, 'aws_ec2_transit_gateway_vpc_attachment');
      expect(attachment).toMatchObject({ transit_gateway_id: 'tgw-0123456789abcdef0', dns_support: 'enable' });
      expect(attachment.subnet_ids).toHaveLength(3);
      const routes = resourcesOf(tf, 'aws_route');
      expect(routes.map((r) => r.destination_cidr_block)).toEqual(['192.168.15.0/24', '10.90.0.0/24']);
      for (const r of routes) expect(r.transit_gateway_id).toMatch(/aws_ec2_transit_gateway_vpc_attachment\.\w+\.transit_gateway_id/);
      expect(routes.some((r) => r.destination_cidr_block === '0.0.0.0/0')).toBe(false);
    });

    test('additionalInterfaceEndpoints adds endpoints', () => {
      const tf = synthConstructs((scope) => new IsolatedNetwork(scope, 'net', { name: 'demo', additionalInterfaceEndpoints: ['ssm'] }));
      expect(resourcesOf(tf, 'aws_vpc_endpoint').some((e) => String(e.service_name).endsWith('.ssm'))).toBe(true);
    });
  });

  describe('validation errors', () => {
    test.each([
      [{ vpcCidr: '10.0.0.0/8' }, /vpcCidr \(10.0.0.0\/8\) must have a prefix from \/16 to \/20/],
      [{ vpcCidr: '10.0.0.1/16' }, /vpcCidr: "10.0.0.1\/16" has host bits set/],
      [{ availabilityZoneCount: 1 }, /availabilityZoneCount \(1\) must be from 2 to 6: EKS needs two zones/],
      [{ flowLogRetentionDays: 42 }, /flowLogRetentionDays \(42\) must be one of/],
      [{ transitRoutedCidrs: ['192.168.15.0/24'] }, /transitRoutedCidrs \(192.168.15.0\/24\) need a transitGatewayId/],
      [{ transitGatewayId: 'tgw-1', transitRoutedCidrs: ['192.168.15.1/24'] }, /transitRoutedCidrs must be IPv4 networks/],
    ])('%p', (props, message) => {
      expect(() => synthConstructs((scope) => new IsolatedNetwork(scope, 'net', { name: 'demo', ...props }))).toThrow(message);
    });

    test('reports every problem at once', () => {
      expect(() => synthConstructs((scope) => new IsolatedNetwork(scope, 'net', { name: 'd', vpcCidr: '10.0.0.0/8', availabilityZoneCount: 9 }))).toThrow(
        /IsolatedNetwork.vpcCidr[\s\S]*\nIsolatedNetwork.availabilityZoneCount/,
      );
    });
  });
});
