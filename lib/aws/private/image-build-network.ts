import { CloudwatchLogGroup } from '@cdktf/provider-aws/lib/cloudwatch-log-group';
import { DataAwsAvailabilityZones } from '@cdktf/provider-aws/lib/data-aws-availability-zones';
import { DefaultSecurityGroup } from '@cdktf/provider-aws/lib/default-security-group';
import { Eip } from '@cdktf/provider-aws/lib/eip';
import { FlowLog } from '@cdktf/provider-aws/lib/flow-log';
import { IamRole } from '@cdktf/provider-aws/lib/iam-role';
import { IamRolePolicy } from '@cdktf/provider-aws/lib/iam-role-policy';
import { InternetGateway } from '@cdktf/provider-aws/lib/internet-gateway';
import { NatGateway } from '@cdktf/provider-aws/lib/nat-gateway';
import { NetworkfirewallFirewall } from '@cdktf/provider-aws/lib/networkfirewall-firewall';
import { NetworkfirewallFirewallPolicy } from '@cdktf/provider-aws/lib/networkfirewall-firewall-policy';
import { NetworkfirewallLoggingConfiguration } from '@cdktf/provider-aws/lib/networkfirewall-logging-configuration';
import { NetworkfirewallRuleGroup } from '@cdktf/provider-aws/lib/networkfirewall-rule-group';
import { Route } from '@cdktf/provider-aws/lib/route';
import { RouteTable } from '@cdktf/provider-aws/lib/route-table';
import { RouteTableAssociation } from '@cdktf/provider-aws/lib/route-table-association';
import { SecurityGroup } from '@cdktf/provider-aws/lib/security-group';
import { Subnet } from '@cdktf/provider-aws/lib/subnet';
import { Vpc } from '@cdktf/provider-aws/lib/vpc';
import { Fn, Token, type ITerraformDependable } from 'cdktf';
import { Construct } from 'constructs';
import { cidrSubnet } from '../../core/cidr';
import { cloudWatchLogsKeyStatement, CustomerManagedKey } from '../customer-managed-key';
import { AwsContext } from './aws-context';
import { policyDocument } from './policy-document';

/**
 * The hosts an Ubuntu Pro FIPS build needs, and nothing else. Canonical: the Pro
 * contract server and the authenticated FIPS repositories ("Ubuntu Pro Client network
 * requirements", github.com/canonical/ubuntu-pro-client docs/references/network_requirements.rst),
 * and the Ubuntu archive for the security updates applied before FIPS is enabled.
 * A leading dot matches subdomains (AWS Network Firewall domain lists).
 */
export const CANONICAL_BUILD_DOMAINS = ['contracts.canonical.com', 'esm.ubuntu.com', '.archive.ubuntu.com', 'security.ubuntu.com'] as const;

/**
 * Regional AWS endpoints EC2 Image Builder drives a build through: Systems Manager runs
 * the build document (ssm, ssmmessages, ec2messages), AWSTOE and its logs come from S3
 * and go to CloudWatch Logs, and the build reports to Image Builder.
 * @see https://docs.aws.amazon.com/imagebuilder/latest/userguide/vpc-interface-endpoints.html
 */
export const AWS_BUILD_SERVICES = ['ssm', 'ssmmessages', 'ec2messages', 'ec2', 'logs', 'imagebuilder', 's3'] as const;

export interface ImageBuildNetworkProps {
  readonly name: string;
  /** A /24 (or larger) range, split into the builder, firewall and public subnets. */
  readonly cidr: string;
  readonly logRetentionDays: number;
}

/**
 * The network an image is built in: its own VPC, not peered or routed to anything, whose
 * only way out is AWS Network Firewall with an allowlist of domains (TLS SNI and HTTP Host),
 * then a NAT gateway. Builder subnet -> firewall endpoint -> NAT -> internet gateway, and
 * the return path through the firewall again.
 * @see https://docs.aws.amazon.com/network-firewall/latest/developerguide/arch-single-zone-igw.html
 * @see https://docs.aws.amazon.com/network-firewall/latest/developerguide/stateful-rule-groups-domain-names.html
 */
export class ImageBuildNetwork extends Construct {
  public readonly builderSubnetId: string;
  public readonly builderSecurityGroupId: string;
  /** Encrypts the build's logs. */
  public readonly logKeyArn: string;
  /**
   * Resources the build must wait for: every route and route table association of the path
   * out (builder -> firewall -> NAT -> internet gateway) and back (public -> firewall). A
   * build that starts while any of them is missing cannot reach Canonical's hosts and fails.
   */
  public readonly egressReady: ITerraformDependable[];

  constructor(scope: Construct, id: string, props: ImageBuildNetworkProps) {
    super(scope, id);
    const ctx = AwsContext.of(this);
    const vpc = new Vpc(this, 'Resource', { cidrBlock: props.cidr, enableDnsSupport: true, enableDnsHostnames: true, tags: { Name: `${props.name}-image-build` } });
    new DefaultSecurityGroup(this, 'DefaultSecurityGroup', { vpcId: vpc.id, tags: { Name: `${props.name}-image-build-default-closed` } });
    const zone = Fn.element(new DataAwsAvailabilityZones(this, 'Zones', { state: 'available', filter: [{ name: 'opt-in-status', values: ['opt-in-not-required'] }] }).names, 0);
    const subnet = (name: string, index: number) =>
      new Subnet(this, `${name}Subnet`, {
        vpcId: vpc.id,
        cidrBlock: cidrSubnet(props.cidr, 2, index),
        availabilityZone: zone,
        mapPublicIpOnLaunch: false,
        tags: { Name: `${props.name}-image-build-${name.toLowerCase()}` },
      });
    const builder = subnet('Builder', 0);
    const firewallSubnet = subnet('Firewall', 1);
    const publicSubnet = subnet('Public', 2);

    const logKey = new CustomerManagedKey(this, 'LogKey', {
      description: `Image build logs of ${props.name}`,
      aliasName: `hms-sys/${props.name}/image-build-logs`,
      serviceStatements: [cloudWatchLogsKeyStatement(this)],
    });
    const logGroup = (name: string, path: string) =>
      new CloudwatchLogGroup(this, name, { name: path, retentionInDays: props.logRetentionDays, kmsKeyId: logKey.kmsKeyArn });
    const flowLogs = logGroup('FlowLogGroup', `/hms-sys/${props.name}/image-build/vpc-flow-logs`);
    const firewallLogs = logGroup('FirewallLogGroup', `/hms-sys/${props.name}/image-build/firewall`);

    // Every flow of the build network is recorded, like the platform's (AU-12, SI-4).
    const flowLogRole = new IamRole(this, 'FlowLogRole', {
      name: `${props.name}-image-build-flow-logs`,
      assumeRolePolicy: policyDocument([
        { Effect: 'Allow', Principal: { Service: 'vpc-flow-logs.amazonaws.com' }, Action: 'sts:AssumeRole', Condition: { StringEquals: { 'aws:SourceAccount': ctx.accountId } } },
      ]),
    });
    new IamRolePolicy(this, 'FlowLogRolePolicy', {
      role: flowLogRole.id,
      name: 'write-flow-logs',
      policy: policyDocument([{ Effect: 'Allow', Action: ['logs:CreateLogStream', 'logs:PutLogEvents', 'logs:DescribeLogStreams'], Resource: `${flowLogs.arn}:*` }]),
    });
    new FlowLog(this, 'FlowLog', {
      vpcId: vpc.id,
      trafficType: 'ALL',
      logDestinationType: 'cloud-watch-logs',
      logDestination: flowLogs.arn,
      iamRoleArn: flowLogRole.arn,
      maxAggregationInterval: 60,
    });

    const domains = [...CANONICAL_BUILD_DOMAINS, ...AWS_BUILD_SERVICES.flatMap((s) => [`${s}.${ctx.region}.${ctx.dnsSuffix}`, `.${s}.${ctx.region}.${ctx.dnsSuffix}`])];
    const allowlist = new NetworkfirewallRuleGroup(this, 'Allowlist', {
      name: `${props.name}-image-build-allowlist`,
      description: 'The only hosts the FIPS node image build may reach',
      type: 'STATEFUL',
      capacity: 100,
      ruleGroup: {
        rulesSource: { rulesSourceList: { generatedRulesType: 'ALLOWLIST', targetTypes: ['TLS_SNI', 'HTTP_HOST'], targets: domains } },
        statefulRuleOptions: { ruleOrder: 'STRICT_ORDER' },
      },
    });
    // Strict order with drop_established: the allowlist passes named hosts, everything
    // else is dropped once its connection is established (before any data flows).
    const policy = new NetworkfirewallFirewallPolicy(this, 'Policy', {
      name: `${props.name}-image-build`,
      firewallPolicy: {
        statelessDefaultActions: ['aws:forward_to_sfe'],
        statelessFragmentDefaultActions: ['aws:forward_to_sfe'],
        statefulDefaultActions: ['aws:drop_established', 'aws:alert_established'],
        statefulEngineOptions: { ruleOrder: 'STRICT_ORDER' },
        statefulRuleGroupReference: [{ resourceArn: allowlist.arn, priority: 1 }],
      },
    });
    const firewall = new NetworkfirewallFirewall(this, 'Firewall', {
      name: `${props.name}-image-build`,
      vpcId: vpc.id,
      firewallPolicyArn: policy.arn,
      subnetMapping: [{ subnetId: firewallSubnet.id }],
    });
    new NetworkfirewallLoggingConfiguration(this, 'FirewallLogging', {
      firewallArn: firewall.arn,
      loggingConfiguration: {
        logDestinationConfig: [{ logDestinationType: 'CloudWatchLogs', logType: 'ALERT', logDestination: { logGroup: firewallLogs.name } }],
      },
    });
    const firewallEndpoint = Token.asString(`\${tolist(${firewall.fqn}.firewall_status[0].sync_states)[0].attachment[0].endpoint_id}`);

    const gateway = new InternetGateway(this, 'InternetGateway', { vpcId: vpc.id, tags: { Name: `${props.name}-image-build` } });
    const nat = new NatGateway(this, 'Nat', {
      subnetId: publicSubnet.id,
      allocationId: new Eip(this, 'NatAddress', { domain: 'vpc', tags: { Name: `${props.name}-image-build-nat` } }).allocationId,
      tags: { Name: `${props.name}-image-build` },
      dependsOn: [gateway],
    });
    const paths: ITerraformDependable[] = [];
    const table = (name: string, subnetId: string) => {
      const rt = new RouteTable(this, `${name}Routes`, { vpcId: vpc.id, tags: { Name: `${props.name}-image-build-${name.toLowerCase()}` } });
      paths.push(new RouteTableAssociation(this, `${name}RoutesAssociation`, { subnetId, routeTableId: rt.id }));
      return rt;
    };
    paths.push(new Route(this, 'BuilderToFirewall', { routeTableId: table('Builder', builder.id).id, destinationCidrBlock: '0.0.0.0/0', vpcEndpointId: firewallEndpoint }));
    paths.push(new Route(this, 'FirewallToNat', { routeTableId: table('Firewall', firewallSubnet.id).id, destinationCidrBlock: '0.0.0.0/0', natGatewayId: nat.id }));
    const publicRoutes = table('Public', publicSubnet.id);
    paths.push(new Route(this, 'PublicToInternet', { routeTableId: publicRoutes.id, destinationCidrBlock: '0.0.0.0/0', gatewayId: gateway.id }));
    // Replies to the builder go back through the firewall, so it sees both directions.
    paths.push(new Route(this, 'PublicToFirewall', { routeTableId: publicRoutes.id, destinationCidrBlock: builder.cidrBlock, vpcEndpointId: firewallEndpoint }));

    const group = new SecurityGroup(this, 'BuilderSecurityGroup', {
      name: `${props.name}-image-builder`,
      description: 'Image builder: no inbound; HTTPS and HTTP out, filtered by the firewall allowlist',
      vpcId: vpc.id,
      ingress: [],
      egress: [
        { description: 'HTTPS to allowlisted hosts (enforced by Network Firewall)', protocol: 'tcp', fromPort: 443, toPort: 443, cidrBlocks: ['0.0.0.0/0'] },
        { description: 'HTTP to the Ubuntu archive (signed packages; enforced by Network Firewall)', protocol: 'tcp', fromPort: 80, toPort: 80, cidrBlocks: ['0.0.0.0/0'] },
      ],
      tags: { Name: `${props.name}-image-builder` },
    });

    this.builderSubnetId = builder.id;
    this.builderSecurityGroupId = group.id;
    this.logKeyArn = logKey.kmsKeyArn;
    this.egressReady = paths;
  }
}
