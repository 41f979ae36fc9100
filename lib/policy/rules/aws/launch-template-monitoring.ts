import { fail, pass, unknown, type Rule } from '../../engine/rule';
import { block, bool } from '../../engine/values';

/** HIPAA.Security-EC2InstanceDetailedMonitoringEnabled; AwsSolutions-EC28. */
export const launchTemplateMonitoring: Rule = {
  id: 'HMS-LT-7',
  appliesTo: ['aws_launch_template'],
  summary: 'Instances have detailed monitoring',
  rationale: 'One-minute metrics support monitoring for attacks and anomalies (SI-4, HIPAA 164.312(b)).',
  fix: 'Set monitoring.enabled = true (baseline cis-level-2 does).',
  check(r) {
    const v = bool(block(r.values, 'monitoring')?.enabled);
    if (v === 'unknown') return unknown('monitoring is not known from the configuration', block(r.values, 'monitoring')?.enabled);
    return v === true ? pass : fail('detailed monitoring is off');
  },
};
