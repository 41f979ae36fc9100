import { DataAwsCallerIdentity } from '@cdktf/provider-aws/lib/data-aws-caller-identity';
import { DataAwsPartition } from '@cdktf/provider-aws/lib/data-aws-partition';
import { DataAwsRegion } from '@cdktf/provider-aws/lib/data-aws-region';
import { TerraformStack } from 'cdktf';
import { Construct } from 'constructs';

const CONTEXT_ID = 'AwsContext';

/**
 * Partition, account and region of the stack, read once per stack from data sources.
 * ARNs are always built from the partition so that the same code deploys to
 * `aws` and `aws-us-gov` (GovCloud), never from a hard-coded `arn:aws:`.
 */
export class AwsContext extends Construct {
  /** The stack's context, created on first use. */
  static of(scope: Construct): AwsContext {
    const stack = TerraformStack.of(scope);
    return (stack.node.tryFindChild(CONTEXT_ID) as AwsContext | undefined) ?? new AwsContext(stack, CONTEXT_ID);
  }

  /** `aws`, `aws-us-gov`, ... */
  public readonly partition: string;
  /** `amazonaws.com` in both the commercial and GovCloud partitions. */
  public readonly dnsSuffix: string;
  public readonly accountId: string;
  /** The ARN Terraform runs as: an IAM user, or an STS assumed-role session. */
  public readonly callerArn: string;
  public readonly region: string;

  private constructor(scope: Construct, id: string) {
    super(scope, id);
    const partition = new DataAwsPartition(this, 'Partition');
    this.partition = partition.partition;
    this.dnsSuffix = partition.dnsSuffix;
    const caller = new DataAwsCallerIdentity(this, 'Account');
    this.accountId = caller.accountId;
    this.callerArn = caller.arn;
    this.region = new DataAwsRegion(this, 'Region').name;
  }

  /** `arn:<partition>:iam::aws:policy/<name>`: an AWS managed policy. */
  managedPolicyArn(name: string): string {
    return `arn:${this.partition}:iam::aws:policy/${name}`;
  }

  /** `arn:<partition>:iam::<account>:root`: the account, which delegates to IAM. */
  get accountRootArn(): string {
    return `arn:${this.partition}:iam::${this.accountId}:root`;
  }

  /** The service principal of a regional service, e.g. `logs.us-gov-west-1.amazonaws.com`. */
  regionalServicePrincipal(service: string): string {
    return `${service}.${this.region}.${this.dnsSuffix}`;
  }
}
