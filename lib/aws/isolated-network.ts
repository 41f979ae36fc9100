import { CloudwatchLogGroup } from '@cdktf/provider-aws/lib/cloudwatch-log-group';
import { DataAwsAvailabilityZones } from '@cdktf/provider-aws/lib/data-aws-availability-zones';
import { DefaultSecurityGroup } from '@cdktf/provider-aws/lib/default-security-group';
import { Ec2TransitGatewayVpcAttachment } from '@cdktf/provider-aws/lib/ec2-transit-gateway-vpc-attachment';
import { FlowLog } from '@cdktf/provider-aws/lib/flow-log';
import { IamRole } from '@cdktf/provider-aws/lib/iam-role';
import { IamRolePolicy } from '@cdktf/provider-aws/lib/iam-role-policy';
import { Route } from '@cdktf/provider-aws/lib/route';
import { RouteTable } from '@cdktf/provider-aws/lib/route-table';
import { RouteTableAssociation } from '@cdktf/provider-aws/lib/route-table-association';
import { SecurityGroup } from '@cdktf/provider-aws/lib/security-group';
import { Subnet } from '@cdktf/provider-aws/lib/subnet';
import { Vpc } from '@cdktf/provider-aws/lib/vpc';
import { VpcEndpoint } from '@cdktf/provider-aws/lib/vpc-endpoint';
import { Fn } from 'cdktf';
import { Construct } from 'constructs';
import { cidrProblem, cidrSubnet } from '../core/cidr';
import {
  CLOUDWATCH_RETENTION_DAYS,
  DEFAULT_AWS_AZ_COUNT,
  DEFAULT_AWS_VPC_CIDR,
  DEFAULT_LOG_RETENTION_DAYS,
  MAX_AWS_AZ_COUNT,
  MIN_AWS_AZ_COUNT,
} from '../core/defaults';
import { PropsValidator } from '../core/errors';
import { cloudWatchLogsKeyStatement, CustomerManagedKey, type IKmsKey } from './customer-managed-key';
import { AwsContext } from './private/aws-context';
import { policyDocument } from './private/policy-document';

/**
 * Interface endpoints that EKS nodes need when there is no route to the internet:
 * image pulls (ecr.api, ecr.dkr), node credentials (sts, ec2), logs, the cluster API
 * (eks) and Pod Identity (eks-auth). S3 is a gateway endpoint (ECR layers live there).
 * @see https://docs.aws.amazon.com/eks/latest/userguide/private-clusters.html
 */
export const NODE_INTERFACE_ENDPOINTS = ['ecr.api', 'ecr.dkr', 'sts', 'ec2', 'logs', 'eks', 'eks-auth'] as const;

/** Each private subnet is 1/16 of the VPC: a /16 VPC gives /20 subnets (4091 pod and node IPs each). */
const SUBNET_NEW_BITS = 4;

export interface IsolatedNetworkProps {
  /** Prefix for names and tags, usually the blueprint name. */
  readonly name: string;
  /**
   * VPC range, /16 to /20.
   * @default '10.40.0.0/16'
   */
  readonly vpcCidr?: string;
  /**
   * Number of availability zones, each with one private subnet (2 to 6).
   * @default 3
   */
  readonly availabilityZoneCount?: number;
  /**
   * Days to keep VPC flow logs (AU-11); a value CloudWatch Logs accepts.
   * @default 365
   */
  readonly flowLogRetentionDays?: number;
  /**
   * Extra interface endpoint services, e.g. `ssm`, added to NODE_INTERFACE_ENDPOINTS.
   * @default - none
   */
  readonly additionalInterfaceEndpoints?: readonly string[];
  /**
   * The EKS cluster that uses the subnets. Tags them `kubernetes.io/cluster/<name>: shared`,
   * which the Kubernetes AWS cloud provider reads to choose subnets for load balancers.
   * @see https://github.com/kubernetes/cloud-provider-aws/blob/master/pkg/providers/v1/aws.go (findSubnets, findELBSubnets)
   * @default - no cluster tag (the cloud provider then considers every untagged subnet of the VPC)
   */
  readonly clusterName?: string;
  /**
   * An existing transit gateway to attach the VPC to, in the same region (shared
   * through AWS RAM when another account owns it).
   * @default - no attachment: nothing outside the VPC can reach it
   */
  readonly transitGatewayId?: string;
  /**
   * Networks outside the VPC routed through the transit gateway: the agency's
   * ingress range and the operators' networks. Requires transitGatewayId.
   * @default - none
   */
  readonly transitRoutedCidrs?: readonly string[];
}

/**
 * A VPC with private subnets only: no internet gateway, no NAT, no public IPs
 * (SC-7, AC-4). AWS APIs are reached through VPC endpoints; all traffic is
 * logged to a KMS-encrypted log group (AU-2, AU-12, SI-4, SC-28).
 */
export class IsolatedNetwork extends Construct {
  public readonly vpcId: string;
  public readonly vpcCidr: string;
  public readonly privateSubnetIds: string[];
  /** The zone of each private subnet, in subnet order. */
  public readonly availabilityZones: string[];
  /** Encrypts the flow log group. */
  public readonly logKey: IKmsKey;
  public readonly flowLogGroupName: string;

  constructor(scope: Construct, id: string, props: IsolatedNetworkProps) {
    super(scope, id);
    const vpcCidr = props.vpcCidr ?? DEFAULT_AWS_VPC_CIDR;
    const zoneCount = props.availabilityZoneCount ?? DEFAULT_AWS_AZ_COUNT;
    const retention = props.flowLogRetentionDays ?? DEFAULT_LOG_RETENTION_DAYS;
    const prefix = Number(vpcCidr.split('/')[1]);
    const routed = [...new Set(props.transitRoutedCidrs ?? [])];
    new PropsValidator('IsolatedNetwork', this.node.path)
      .check(!cidrProblem(vpcCidr), `vpcCidr: ${cidrProblem(vpcCidr)}`)
      .check(cidrProblem(vpcCidr) !== undefined || (prefix >= 16 && prefix <= 20), `vpcCidr (${vpcCidr}) must have a prefix from /16 to /20`)
      .check(
        Number.isInteger(zoneCount) && zoneCount >= MIN_AWS_AZ_COUNT && zoneCount <= MAX_AWS_AZ_COUNT,
        `availabilityZoneCount (${zoneCount}) must be from ${MIN_AWS_AZ_COUNT} to ${MAX_AWS_AZ_COUNT}: EKS needs two zones`,
      )
      .check(
        (CLOUDWATCH_RETENTION_DAYS as readonly number[]).includes(retention),
        `flowLogRetentionDays (${retention}) must be one of ${CLOUDWATCH_RETENTION_DAYS.join(', ')}`,
      )
      .check(routed.length === 0 || props.transitGatewayId !== undefined, `transitRoutedCidrs (${routed.join(', ')}) need a transitGatewayId to be routed through`)
      .check(!routed.some((c) => cidrProblem(c)), `transitRoutedCidrs must be IPv4 networks; received ${routed.join(', ')}`)
      .throwIfAny();

    const ctx = AwsContext.of(this);
    const vpc = new Vpc(this, 'Resource', {
      cidrBlock: vpcCidr,
      // Interface endpoints with private DNS need both.
      enableDnsSupport: true,
      enableDnsHostnames: true,
      tags: { Name: props.name },
    });

    // Adopting the default security group removes all its rules (CKV2_AWS_12).
    new DefaultSecurityGroup(this, 'DefaultSecurityGroup', { vpcId: vpc.id, tags: { Name: `${props.name}-default-closed` } });

    const zones = new DataAwsAvailabilityZones(this, 'Zones', {
      state: 'available',
      filter: [{ name: 'opt-in-status', values: ['opt-in-not-required'] }],
    });
    const routeTable = new RouteTable(this, 'PrivateRouteTable', { vpcId: vpc.id, tags: { Name: `${props.name}-private` } });
    const subnets = Array.from({ length: zoneCount }, (_, i) => {
      const subnet = new Subnet(this, `PrivateSubnet${i + 1}`, {
        vpcId: vpc.id,
        cidrBlock: cidrSubnet(vpcCidr, SUBNET_NEW_BITS, i),
        availabilityZone: Fn.element(zones.names, i),
        mapPublicIpOnLaunch: false,
        assignIpv6AddressOnCreation: false,
        tags: {
          Name: `${props.name}-private-${i + 1}`,
          // Internal load balancers go here (the cloud provider prefers subnets with this tag).
          'kubernetes.io/role/internal-elb': '1',
          ...(props.clusterName ? { [`kubernetes.io/cluster/${props.clusterName}`]: 'shared' } : {}),
        },
      });
      new RouteTableAssociation(this, `PrivateSubnet${i + 1}RouteTable`, { subnetId: subnet.id, routeTableId: routeTable.id });
      return subnet;
    });

    if (props.transitGatewayId) {
      // The agency reaches the workload's load balancer and the cluster API through its
      // transit gateway; the gateway's route tables must send the VPC range back here.
      // @see https://docs.aws.amazon.com/vpc/latest/tgw/tgw-vpc-attachments.html
      const attachment = new Ec2TransitGatewayVpcAttachment(this, 'TransitGatewayAttachment', {
        transitGatewayId: props.transitGatewayId,
        vpcId: vpc.id,
        subnetIds: subnets.map((s) => s.id),
        dnsSupport: 'enable',
        tags: { Name: `${props.name}-agency` },
      });
      routed.forEach((cidr, i) => {
        new Route(this, `TransitRoute${i + 1}`, {
          routeTableId: routeTable.id,
          destinationCidrBlock: cidr,
          transitGatewayId: attachment.transitGatewayId,
        });
      });
    }

    const endpointSecurityGroup = new SecurityGroup(this, 'EndpointSecurityGroup', {
      name: `${props.name}-vpc-endpoints`,
      description: 'HTTPS from inside the VPC to AWS service endpoints; no egress',
      vpcId: vpc.id,
      ingress: [
        { description: 'HTTPS from the VPC', protocol: 'tcp', fromPort: 443, toPort: 443, cidrBlocks: [vpcCidr] },
      ],
      egress: [],
      tags: { Name: `${props.name}-vpc-endpoints` },
    });
    for (const service of [...NODE_INTERFACE_ENDPOINTS, ...(props.additionalInterfaceEndpoints ?? [])]) {
      new VpcEndpoint(this, `Endpoint-${service}`, {
        vpcId: vpc.id,
        serviceName: `com.amazonaws.${ctx.region}.${service}`,
        vpcEndpointType: 'Interface',
        privateDnsEnabled: true,
        subnetIds: subnets.map((s) => s.id),
        securityGroupIds: [endpointSecurityGroup.id],
        tags: { Name: `${props.name}-${service}` },
      });
    }
    new VpcEndpoint(this, 'Endpoint-s3', {
      vpcId: vpc.id,
      serviceName: `com.amazonaws.${ctx.region}.s3`,
      vpcEndpointType: 'Gateway',
      routeTableIds: [routeTable.id],
      tags: { Name: `${props.name}-s3` },
    });

    const logKey = new CustomerManagedKey(this, 'FlowLogKey', {
      description: `VPC flow logs of ${props.name}`,
      aliasName: `hms-sys/${props.name}/flow-logs`,
      serviceStatements: [cloudWatchLogsKeyStatement(this)],
    });
    const logGroup = new CloudwatchLogGroup(this, 'FlowLogGroup', {
      name: `/hms-sys/${props.name}/vpc-flow-logs`,
      retentionInDays: retention,
      kmsKeyId: logKey.kmsKeyArn,
    });
    const flowLogRole = new IamRole(this, 'FlowLogRole', {
      name: `${props.name}-vpc-flow-logs`,
      assumeRolePolicy: policyDocument([
        {
          Effect: 'Allow',
          Principal: { Service: 'vpc-flow-logs.amazonaws.com' },
          Action: 'sts:AssumeRole',
          // Confused-deputy guard: only flow logs of this account may use the role.
          Condition: { StringEquals: { 'aws:SourceAccount': ctx.accountId } },
        },
      ]),
    });
    new IamRolePolicy(this, 'FlowLogRolePolicy', {
      role: flowLogRole.id,
      name: 'write-flow-logs',
      policy: policyDocument([
        {
          Effect: 'Allow',
          Action: ['logs:CreateLogStream', 'logs:PutLogEvents', 'logs:DescribeLogStreams'],
          Resource: `${logGroup.arn}:*`,
        },
      ]),
    });
    new FlowLog(this, 'FlowLog', {
      vpcId: vpc.id,
      trafficType: 'ALL',
      logDestinationType: 'cloud-watch-logs',
      logDestination: logGroup.arn,
      iamRoleArn: flowLogRole.arn,
      maxAggregationInterval: 60,
      tags: { Name: `${props.name}-flow-log` },
    });

    this.vpcId = vpc.id;
    this.vpcCidr = vpcCidr;
    this.privateSubnetIds = subnets.map((s) => s.id);
    this.availabilityZones = subnets.map((s) => s.availabilityZone);
    this.logKey = logKey;
    this.flowLogGroupName = logGroup.name;
  }
}
