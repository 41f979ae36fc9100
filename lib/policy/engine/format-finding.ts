import type { Finding } from './evaluate';

/** `NIST 800-53 SC-7, AC-4; HIPAA 164.312(a)(1)` */
export function citeControls(controls: Finding['controls']): string {
  return Object.entries(controls)
    .map(([citation, ids]) => `${citation} ${ids.join(', ')}`)
    .join('; ');
}

/** Where a finding is: the construct path when CDKTF made the resource, else the Terraform address. */
export function findingLocation(f: Finding): string {
  return f.constructPath ?? `${f.document}: ${f.resource}`;
}

/**
 * One line that says what, where, which controls and how to fix:
 * `[HMS-EKS-1] dcaa-aws/cluster/Resource: the API endpoint is public (NIST 800-53 SC-7, AC-4). Fix: ...`
 */
export function formatFinding(f: Finding): string {
  const ack = f.acknowledgedBecause ? ` Acknowledged: ${f.acknowledgedBecause}` : '';
  const fix = f.acknowledgedBecause ? '' : ` Fix: ${f.fix} Or acknowledge ${f.ruleId} with a reason.`;
  return `[${f.ruleId}] ${findingLocation(f)}: ${f.message} (${citeControls(f.controls)}).${fix}${ack}`;
}
