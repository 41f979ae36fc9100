import { ALL_RULES } from '../rules';
import type { PolicyReport } from '../engine/evaluate';
import { citeControls, findingLocation } from '../engine/format-finding';
import { GUARD_RULES, GUARD_RULE_ID, GUARD_UNJUDGED_RULE_ID, guardEntries, type GuardEntry, type PlanGuardResult } from './guard';

/**
 * SARIF 2.1.0 for code-scanning dashboards. Findings point at the file that
 * defines the resource, as the user named it (a folder's .tf file, a
 * cdk.tf.json, a plan), with the construct path and Terraform address as
 * logical locations. The stateful-resource guard's verdicts on plans are
 * results too (HMS-GUARD-1 refused: error, allowed by --allow-destroy: note
 * with an external suppression; HMS-GUARD-2 not judged: note), so the file
 * says why check exited 1 when only the guard refused.
 * @see https://docs.oasis-open.org/sarif/sarif/v2.1.0/sarif-v2.1.0.html
 */
export function formatSarif(report: PolicyReport, guard: readonly PlanGuardResult[] = []): object {
  const entries = guardEntries(guard);
  const ruleIds = [...new Set(report.findings.map((f) => f.ruleId))].sort();
  const rules = ALL_RULES.filter((r) => ruleIds.includes(r.id)).map((r) => ({
    id: r.id,
    shortDescription: { text: r.summary },
    fullDescription: { text: r.rationale },
    help: { text: r.fix },
  }));
  const guardRuleIds = new Set(entries.map(guardRuleId));
  const guardRules = GUARD_RULES.filter((r) => guardRuleIds.has(r.id));
  return {
    $schema: 'https://json.schemastore.org/sarif-2.1.0.json',
    version: '2.1.0',
    runs: [
      {
        tool: { driver: { name: 'hms-sys', informationUri: 'https://github.com/hms-sys/hms-sys', rules: [...rules, ...guardRules] } },
        results: [
          ...entries.map(guardResult),
          ...report.findings.map((f) => ({
            ruleId: f.ruleId,
            level: f.acknowledgedBecause ? 'note' : f.blocking ? 'error' : 'warning',
            message: { text: `${f.message} (${citeControls(f.controls)}). Fix: ${f.fix}` },
            locations: [
              {
                physicalLocation: { artifactLocation: { uri: (f.file ?? f.document).split('\\').join('/') } },
                logicalLocations: [{ fullyQualifiedName: findingLocation(f), name: f.resource, kind: 'resource' }],
              },
            ],
            ...(f.acknowledgedBecause ? { suppressions: [{ kind: 'inSource', justification: f.acknowledgedBecause }] } : {}),
            properties: { controls: f.controls, severity: f.severity, status: f.status },
          })),
        ],
      },
    ],
  };
}

const guardRuleId = (e: GuardEntry): string => (e.outcome === 'not judged' ? GUARD_UNJUDGED_RULE_ID : GUARD_RULE_ID);

/** A guard verdict as a SARIF result at the plan file, with the Terraform address as logical location. */
function guardResult(e: GuardEntry): object {
  return {
    ruleId: guardRuleId(e),
    level: e.outcome === 'refused' ? 'error' : 'note',
    message: { text: e.message },
    locations: [
      {
        physicalLocation: { artifactLocation: { uri: e.document.split('\\').join('/') } },
        logicalLocations: [{ fullyQualifiedName: e.finding.address, name: e.finding.address, kind: 'resource' }],
      },
    ],
    ...(e.outcome === 'allowed' ? { suppressions: [{ kind: 'external', justification: `allowed by name with --allow-destroy ${e.finding.address}` }] } : {}),
    properties: { outcome: e.outcome, action: e.finding.action, resourceType: e.finding.type },
  };
}
