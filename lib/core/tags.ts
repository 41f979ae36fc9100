/** Tags hms-sys puts on every resource, so that an auditor can trace a resource to its blueprint. */
export const TAG_BLUEPRINT = 'hms-sys:blueprint';
export const TAG_SOURCE = 'hms-sys:source';
export const TAG_MANAGED_BY = 'managed-by';

export function blueprintTags(
  blueprintName: string,
  sourceFile: string,
  userTags: Readonly<Record<string, string>>,
): Record<string, string> {
  // The user's tags come first so that ours, which audits rely on, cannot be overridden.
  return { ...userTags, [TAG_BLUEPRINT]: blueprintName, [TAG_SOURCE]: sourceFile.replace(/\\/g, '/'), [TAG_MANAGED_BY]: 'hms-sys' };
}
