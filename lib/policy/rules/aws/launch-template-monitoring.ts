import { fail, pass, unknown, type Rule } from '../../engine/rule';
import { bool } from '../../engine/values';
import { INSTANCE_TYPES, monitoringOf } from './private/instance-settings';

/** HIPAA.Security-EC2InstanceDetailedMonitoringEnabled; AwsSolutions-EC28. */
export const launchTemplateMonitoring: Rule = {
  id: 'HMS-LT-7',
  appliesTo: INSTANCE_TYPES,
  summary: 'Instances have detailed monitoring',
  rationale: 'One-minute metrics support monitoring for attacks and anomalies (SI-4, HIPAA 164.312(b)).',
  fix: 'Set monitoring.enabled = true (baseline cis-level-2 does).',
  check(r) {
    const v = bool(monitoringOf(r));
    if (v === 'unknown') return unknown('monitoring is not known from the configuration', monitoringOf(r));
    return v === true ? pass : fail('detailed monitoring is off');
  },
};
