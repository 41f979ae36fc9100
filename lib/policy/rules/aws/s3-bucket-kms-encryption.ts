import { fail, pass, unknown, type Rule } from '../../engine/rule';
import { block, blocksAt, isUnresolved } from '../../engine/values';
import { companionsOf, undecidedCompanionsOf } from './private/bucket-companions';

const SSE = 'aws_s3_bucket_server_side_encryption_configuration';
const KMS_ALGORITHMS = ['aws:kms', 'aws:kms:dsse'];

/** NIST.800.53.R5-S3DefaultEncryptionKMS. */
export const s3BucketKmsEncryption: Rule = {
  id: 'HMS-S3-1',
  publicChecks: ['CKV_AWS_145', 'AVD-AWS-0088', 'AVD-AWS-0132'],
  appliesTo: ['aws_s3_bucket'],
  summary: 'Buckets encrypt objects with KMS by default',
  rationale: 'State files and artefacts hold resource ids, outputs and sometimes secrets (SC-28, SC-28(1)).',
  fix: `Add ${SSE} with sse_algorithm = "aws:kms" and a customer key.`,
  check(r, ctx) {
    const algorithms = companionsOf(r, ctx, SSE).flatMap((c) => blocksAt(c.values, ['rule', 'apply_server_side_encryption_by_default'])).map((d) => d.sse_algorithm);
    // The inline block of AWS provider 3 (deprecated in 4, still read).
    algorithms.push(block(block(block(r.values, 'server_side_encryption_configuration'), 'rule'), 'apply_server_side_encryption_by_default')?.sse_algorithm);
    if (algorithms.some((a) => typeof a === 'string' && KMS_ALGORITHMS.includes(a))) return pass;
    const undecided = [...algorithms.filter(isUnresolved), ...undecidedCompanionsOf(ctx, SSE).map((c) => c.values.bucket)];
    if (undecided.length > 0) return unknown('the default encryption is not known from the configuration', undecided);
    return fail('no KMS default encryption');
  },
};
