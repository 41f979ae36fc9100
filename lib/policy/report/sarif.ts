import { ALL_RULES } from '../rules';
import type { PolicyReport } from '../engine/evaluate';
import { citeControls, findingLocation } from '../engine/format-finding';

/**
 * SARIF 2.1.0 for code-scanning dashboards. Findings point at the file that
 * defines the resource, as the user named it (a folder's .tf file, a
 * cdk.tf.json, a plan), with the construct path and Terraform address as
 * logical locations.
 * @see https://docs.oasis-open.org/sarif/sarif/v2.1.0/sarif-v2.1.0.html
 */
export function formatSarif(report: PolicyReport): object {
  const ruleIds = [...new Set(report.findings.map((f) => f.ruleId))].sort();
  const rules = ALL_RULES.filter((r) => ruleIds.includes(r.id)).map((r) => ({
    id: r.id,
    shortDescription: { text: r.summary },
    fullDescription: { text: r.rationale },
    help: { text: r.fix },
  }));
  return {
    $schema: 'https://json.schemastore.org/sarif-2.1.0.json',
    version: '2.1.0',
    runs: [
      {
        tool: { driver: { name: 'hms-sys', informationUri: 'https://github.com/hms-sys/hms-sys', rules } },
        results: report.findings.map((f) => ({
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
      },
    ],
  };
}
