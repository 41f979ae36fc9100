import { fail, pass, unknown, type Rule } from '../../engine/rule';
import { isUnresolved } from '../../engine/values';
import { hasNoCondition, isEveryone, policyDocuments } from './private/iam-statements';

export const s3BucketPolicyNoPublicPrincipal: Rule = {
  id: 'HMS-S3-7',
  publicChecks: ['CKV_AWS_70'],
  appliesTo: ['aws_s3_bucket_policy', 'aws_s3_bucket'],
  summary: 'Bucket policies allow nothing to Principal "*" without a condition',
  rationale: 'A policy that allows "*" publishes the bucket to every AWS account and often the internet (AC-3, AC-21, SC-7).',
  fix: 'Name the roles or accounts in Principal, or add a Condition (aws:PrincipalOrgID, aws:SourceVpce) that limits the callers.',
  check(r, ctx) {
    const [policy] = policyDocuments(r, ctx);
    if (policy === undefined) return pass;
    if (!policy.doc) return isUnresolved(policy.raw) ? unknown('the bucket policy is not known from the configuration', policy.raw) : pass;
    const open = policy.statements.some((s) => s.allow && isEveryone(s.principal) && hasNoCondition(s));
    return open ? fail('a statement allows Principal "*" without a Condition') : pass;
  },
};
