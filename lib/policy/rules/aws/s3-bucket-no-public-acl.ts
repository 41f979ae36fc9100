import { fail, pass, unknown, type Rule } from '../../engine/rule';
import { isUnresolved } from '../../engine/values';
import { companionsOf } from './private/bucket-companions';

const PUBLIC_ACLS = ['public-read', 'public-read-write', 'authenticated-read'];
const PUBLIC_GROUPS = ['http://acs.amazonaws.com/groups/global/AllUsers', 'http://acs.amazonaws.com/groups/global/AuthenticatedUsers'];

/** CKV_AWS_20, CKV_AWS_57; AVD-AWS-0092. */
export const s3BucketNoPublicAcl: Rule = {
  id: 'HMS-S3-6',
  appliesTo: ['aws_s3_bucket'],
  summary: 'Buckets grant nothing to everyone or to every AWS account through ACLs',
  rationale: 'public-read and authenticated-read ACLs publish objects to the internet or to every AWS customer (AC-3, AC-21, SC-7).',
  fix: 'Remove the ACL (use object ownership BucketOwnerEnforced) or set it to private.',
  check(r, ctx) {
    const acls = [r.values.acl, ...companionsOf(r, ctx, 'aws_s3_bucket_acl').map((a) => a.values.acl)].filter((a) => a !== undefined && a !== null);
    const unresolved = acls.filter(isUnresolved);
    const open = acls.filter((a) => !isUnresolved(a) && PUBLIC_ACLS.includes(String(a).trim().toLowerCase()));
    if (open.length > 0) return fail(`the bucket ACL is ${String(open[0])}`);
    const grants = JSON.stringify([r.values.grant, ...companionsOf(r, ctx, 'aws_s3_bucket_acl').map((a) => a.values.access_control_policy)]);
    if (PUBLIC_GROUPS.some((g) => grants.includes(g))) return fail('a grant names the AllUsers or AuthenticatedUsers group');
    return unresolved.length > 0 ? unknown('the bucket ACL is not known from the configuration', unresolved) : pass;
  },
};
