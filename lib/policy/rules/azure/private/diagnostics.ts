import type { TfResource } from '../../../engine/document';
import type { RuleContext } from '../../../engine/rule';
import { blocks } from '../../../engine/values';

/** Log categories (or category groups) that diagnostic settings send for a target. */
export function diagnosticCategories(target: TfResource, ctx: RuleContext): Set<string> {
  const settings = ctx.referencing('azurerm_monitor_diagnostic_setting', 'target_resource_id', target);
  return new Set(
    settings.flatMap((d) => [...blocks(d.values, 'enabled_log'), ...blocks(d.values, 'log')]).flatMap((l) => [l.category, l.category_group].filter((c): c is string => typeof c === 'string')),
  );
}
