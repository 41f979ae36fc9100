import type { TfResource } from '../../../engine/document';
import { unknown, type Outcome, type RuleContext } from '../../../engine/rule';
import { blocks } from '../../../engine/values';

const SETTING = 'azurerm_monitor_diagnostic_setting';

/** Log categories (or category groups) that diagnostic settings send for a target. */
export function diagnosticCategories(target: TfResource, ctx: RuleContext): Set<string> {
  const settings = ctx.referencing(SETTING, 'target_resource_id', target);
  return new Set(
    settings.flatMap((d) => [...blocks(d.values, 'enabled_log'), ...blocks(d.values, 'log')]).flatMap((l) => [l.category, l.category_group].filter((c): c is string => typeof c === 'string')),
  );
}

/**
 * The outcome when the wanted logs were not found: unknown when a diagnostic
 * setting's target is not known from the configuration (it may be this
 * resource's), else the failure given.
 */
export function missingLogs(ctx: RuleContext, failure: Outcome): Outcome {
  const undecided = ctx.undecided(SETTING, 'target_resource_id');
  return undecided.length > 0 ? unknown('a diagnostic setting whose target is not known from the configuration may ship the logs', undecided.map((d) => d.values.target_resource_id)) : failure;
}
