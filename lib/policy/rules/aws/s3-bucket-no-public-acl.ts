import { fail, pass, unknown, type Rule } from '../../engine/rule';
import { isUnresolved } from '../../engine/values';
import { companionsOf, undecidedCompanionsOf } from './private/bucket-companions';

const PUBLIC_ACLS = ['public-read', 'public-read-write', 'authenticated-read'];
/**
 * Canned ACLs that publish nothing. hashicorp/aws 5.x validates `acl` against the SDK's
 * BucketCannedACL values plus aws-exec-read and log-delivery-write
 * (internal/service/s3/bucket_acl.go, bucketCannedACL_Values); the bucket-owner-* ACLs are
 * object ACLs S3 treats as private. Any other value is not one hms-sys can judge.
 */
const PRIVATE_ACLS = ['private', 'aws-exec-read', 'log-delivery-write', 'bucket-owner-read', 'bucket-owner-full-control'];
const PUBLIC_GROUPS = ['http://acs.amazonaws.com/groups/global/AllUsers', 'http://acs.amazonaws.com/groups/global/AuthenticatedUsers'];

/** Bucket ACLs: the `acl` argument, `aws_s3_bucket_acl` companions and grants to the public groups. */
export const s3BucketNoPublicAcl: Rule = {
  id: 'HMS-S3-6',
  publicChecks: ['CKV_AWS_20', 'CKV_AWS_57', 'AVD-AWS-0092'],
  appliesTo: ['aws_s3_bucket'],
  summary: 'Buckets grant nothing to everyone or to every AWS account through ACLs',
  rationale: 'public-read and authenticated-read ACLs publish objects to the internet or to every AWS customer (AC-3, AC-21, SC-7).',
  fix: 'Remove the ACL (use object ownership BucketOwnerEnforced) or set it to private.',
  check(r, ctx) {
    const acls = [r.values.acl, ...companionsOf(r, ctx, 'aws_s3_bucket_acl').map((a) => a.values.acl)].filter((a) => a !== undefined && a !== null);
    // A value that is no canned ACL ("website") is refused by Terraform: not readable, so never a pass.
    const unresolved = acls.filter((a) => isUnresolved(a) || ![...PUBLIC_ACLS, ...PRIVATE_ACLS].includes(String(a).trim().toLowerCase())).map((a) => (isUnresolved(a) ? a : `\${unreadable ACL ${JSON.stringify(a)}}`));
    const open = acls.filter((a) => !isUnresolved(a) && PUBLIC_ACLS.includes(String(a).trim().toLowerCase()));
    if (open.length > 0) return fail(`the bucket ACL is ${String(open[0])}`);
    const grants = JSON.stringify([r.values.grant, ...companionsOf(r, ctx, 'aws_s3_bucket_acl').map((a) => a.values.access_control_policy)]);
    if (PUBLIC_GROUPS.some((g) => grants.includes(g))) return fail('a grant names the AllUsers or AuthenticatedUsers group');
    // A public ACL resource whose bucket is not known may be this bucket's.
    const undecided = undecidedCompanionsOf(ctx, 'aws_s3_bucket_acl').filter((a) => {
      const granted = JSON.stringify(a.values.access_control_policy ?? null);
      return PUBLIC_ACLS.includes(String(a.values.acl).trim().toLowerCase()) || PUBLIC_GROUPS.some((g) => granted.includes(g));
    });
    const unknowns = [...unresolved, ...undecided.map((a) => a.values.bucket)];
    return unknowns.length > 0 ? unknown('the bucket ACL is not known from the configuration', unknowns) : pass;
  },
};
