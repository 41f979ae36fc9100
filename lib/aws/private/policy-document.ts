/** IAM policy JSON, written as plain objects so that the synthesized policy is readable and checkable. */
export interface PolicyStatement {
  readonly Sid?: string;
  readonly Effect: 'Allow' | 'Deny';
  readonly Principal?: Record<string, string | string[]>;
  readonly Action: string | string[];
  readonly Resource?: string | string[];
  readonly Condition?: Record<string, Record<string, string | string[]>>;
}

export function policyDocument(statements: readonly PolicyStatement[]): string {
  return JSON.stringify({ Version: '2012-10-17', Statement: statements });
}

/** A trust policy that lets one AWS service assume the role. */
export function serviceTrustPolicy(service: string, actions: string[] = ['sts:AssumeRole']): string {
  return policyDocument([{ Effect: 'Allow', Principal: { Service: service }, Action: actions }]);
}

/**
 * A resource policy statement that refuses every request not made over TLS
 * (`aws:SecureTransport` false): SC-8, NIST.800.53.R5-S3BucketSSLRequestsOnly and
 * the EFS "enforce encryption in transit" policy alike.
 */
export function denyWithoutTls(sid: string, action: string, resource: string | string[]): PolicyStatement {
  return { Sid: sid, Effect: 'Deny', Principal: { AWS: '*' }, Action: action, Resource: resource, Condition: { Bool: { 'aws:SecureTransport': 'false' } } };
}
