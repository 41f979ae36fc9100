import { pack } from './pack';

/**
 * FedRAMP Moderate (NIST SP 800-53 rev5). Severity follows ../shared/COMPLIANCE-MAP.md:
 * error when the setting is decided at synth time and directly breaks the control,
 * warning for thresholds, account-level settings and hygiene.
 */
export const FEDRAMP_MODERATE = pack('fedramp-moderate', 'FedRAMP Moderate (NIST SP 800-53 rev5)', 'NIST 800-53', [
  // SC-28 protection of information at rest; SC-12/13 keys and cryptography
  ['HMS-EBS-1', 'error', ['SC-28', 'SC-28(1)']],
  ['HMS-EBS-2', 'warning', ['SC-12', 'SC-28(1)']],
  ['HMS-LT-1', 'error', ['SC-28', 'SC-28(1)']],
  ['HMS-LT-2', 'warning', ['SC-12', 'SC-28(1)']],
  ['HMS-EKS-3', 'error', ['SC-28', 'SC-12']],
  ['HMS-LOG-1', 'error', ['SC-28(1)', 'AU-9']],
  ['HMS-S3-1', 'error', ['SC-28', 'SC-28(1)']],
  ['HMS-KMS-1', 'error', ['SC-12', 'SC-12(2)']],
  ['HMS-KMS-3', 'warning', ['SC-12', 'CP-9']],
  ['HMS-EKS-7', 'error', ['SC-13']],
  // SC-7 boundary protection, AC-4 information flow
  ['HMS-EKS-1', 'error', ['SC-7', 'AC-4', 'AC-17']],
  ['HMS-EKS-2', 'error', ['SC-7', 'AC-4']],
  ['HMS-LT-5', 'error', ['SC-7', 'AC-4']],
  ['HMS-VPC-3', 'error', ['SC-7', 'AC-4']],
  ['HMS-VPC-4', 'warning', ['SC-7', 'AC-4']],
  ['HMS-SG-1', 'error', ['SC-7', 'AC-4', 'AC-17']],
  ['HMS-SG-2', 'warning', ['SC-7', 'SC-8']],
  ['HMS-SG-3', 'warning', ['SC-7(5)', 'AC-4']],
  // SC-8 transmission confidentiality
  ['HMS-S3-3', 'error', ['SC-8', 'SC-8(1)']],
  // AU-2/AU-12 event logging, AU-11 retention, SI-4 monitoring
  ['HMS-EKS-4', 'error', ['AU-2', 'AU-12']],
  ['HMS-EKS-5', 'warning', ['AU-12', 'SI-4']],
  ['HMS-VPC-1', 'error', ['AU-2', 'AU-12', 'SI-4(17)']],
  ['HMS-VPC-2', 'warning', ['AU-12', 'SI-4']],
  ['HMS-LOG-2', 'error', ['AU-11']],
  ['HMS-LOG-3', 'warning', ['AU-11', 'SI-12']],
  ['HMS-LT-7', 'warning', ['SI-4']],
  ['HMS-S3-4', 'warning', ['AU-2', 'AU-12']],
  // AC-6 least privilege, IA-5 authenticators
  ['HMS-LT-3', 'error', ['AC-6', 'AC-3']],
  ['HMS-LT-4', 'warning', ['AC-6', 'CM-2']],
  ['HMS-KMS-2', 'error', ['AC-6', 'AC-3', 'SC-12']],
  ['HMS-IAM-1', 'error', ['AC-6', 'AC-6(10)']],
  ['HMS-EKS-6', 'error', ['IA-5', 'AC-17', 'SC-7']],
  ['HMS-LT-6', 'error', ['IA-5', 'SC-28']],
  // CM-6 configuration settings, CP-9 backup
  ['HMS-SG-4', 'warning', ['CM-6']],
  ['HMS-S3-2', 'error', ['CP-9']],
]);
