import { pack } from './pack';

/** HIPAA Security Rule, 45 CFR 164.308 (administrative) and 164.312 (technical safeguards). */
export const HIPAA = pack('hipaa', 'HIPAA Security Rule (45 CFR 164.308, 164.312)', 'HIPAA', [
  // 164.312(a)(2)(iv) encryption and decryption of ePHI at rest
  ['HMS-EBS-1', 'error', ['164.312(a)(2)(iv)']],
  ['HMS-EBS-2', 'warning', ['164.312(a)(2)(iv)']],
  ['HMS-LT-1', 'error', ['164.312(a)(2)(iv)']],
  ['HMS-LT-2', 'warning', ['164.312(a)(2)(iv)']],
  ['HMS-EKS-3', 'error', ['164.312(a)(2)(iv)']],
  ['HMS-LOG-1', 'error', ['164.312(a)(2)(iv)']],
  ['HMS-S3-1', 'error', ['164.312(a)(2)(iv)']],
  ['HMS-KMS-1', 'error', ['164.312(a)(2)(iv)']],
  ['HMS-EKS-7', 'warning', ['164.312(a)(2)(iv)', '164.312(e)(2)(ii)']],
  // 164.312(e)(1) transmission security
  ['HMS-S3-3', 'error', ['164.312(e)(1)', '164.312(e)(2)(i)']],
  ['HMS-SG-2', 'warning', ['164.312(e)(1)']],
  // 164.312(b) audit controls
  ['HMS-EKS-4', 'error', ['164.312(b)']],
  ['HMS-EKS-5', 'warning', ['164.312(b)']],
  ['HMS-VPC-1', 'error', ['164.312(b)']],
  ['HMS-VPC-2', 'warning', ['164.312(b)']],
  ['HMS-LOG-2', 'error', ['164.312(b)', '164.316(b)(2)(i)']],
  ['HMS-LOG-3', 'warning', ['164.316(b)(2)(i)']],
  ['HMS-LT-7', 'warning', ['164.312(b)']],
  ['HMS-S3-4', 'warning', ['164.312(b)']],
  // 164.312(a)(1) access control, 164.308(a)(4) information access management
  ['HMS-EKS-1', 'error', ['164.312(a)(1)', '164.312(e)(1)']],
  ['HMS-EKS-2', 'error', ['164.312(a)(1)']],
  ['HMS-LT-3', 'error', ['164.312(a)(1)', '164.308(a)(4)']],
  ['HMS-LT-4', 'warning', ['164.308(a)(4)']],
  ['HMS-LT-5', 'error', ['164.312(a)(1)', '164.312(e)(1)']],
  ['HMS-VPC-3', 'error', ['164.312(a)(1)', '164.312(e)(1)']],
  ['HMS-SG-1', 'error', ['164.312(a)(1)', '164.312(e)(1)']],
  ['HMS-KMS-2', 'error', ['164.308(a)(4)', '164.312(a)(1)']],
  ['HMS-IAM-1', 'error', ['164.308(a)(3)', '164.308(a)(4)']],
  ['HMS-EKS-6', 'error', ['164.312(a)(1)', '164.312(d)']],
  ['HMS-LT-6', 'error', ['164.312(d)', '164.312(a)(2)(iv)']],
  // 164.308(a)(7)(ii)(A) data backup plan
  ['HMS-S3-2', 'error', ['164.308(a)(7)(ii)(A)']],
  ['HMS-KMS-3', 'warning', ['164.308(a)(7)(ii)(A)']],
]);
