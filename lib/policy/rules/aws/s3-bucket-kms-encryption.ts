import { fail, pass, type Rule } from '../../engine/rule';
import { block, blocksAt } from '../../engine/values';
import { companionsOf } from './private/bucket-companions';

/** CKV_AWS_145; NIST.800.53.R5-S3DefaultEncryptionKMS. */
export const s3BucketKmsEncryption: Rule = {
  id: 'HMS-S3-1',
  appliesTo: ['aws_s3_bucket'],
  summary: 'Buckets encrypt objects with KMS by default',
  rationale: 'State files and artefacts hold resource ids, outputs and sometimes secrets (SC-28, SC-28(1)).',
  fix: 'Add aws_s3_bucket_server_side_encryption_configuration with sse_algorithm = "aws:kms" and a customer key.',
  check(r, ctx) {
    const configs = companionsOf(r, ctx, 'aws_s3_bucket_server_side_encryption_configuration');
    const algorithms = configs.flatMap((c) => blocksAt(c.values, ['rule', 'apply_server_side_encryption_by_default'])).map((d) => d.sse_algorithm);
    const inline = block(block(block(r.values, 'server_side_encryption_configuration'), 'rule'), 'apply_server_side_encryption_by_default')?.sse_algorithm;
    return [...algorithms, inline].some((a) => a === 'aws:kms' || a === 'aws:kms:dsse') ? pass : fail('no KMS default encryption');
  },
};
