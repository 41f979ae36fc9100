/** Tags hms-sys puts on every resource, so that an auditor can trace a resource to its blueprint. */
export const TAG_BLUEPRINT = 'hms-sys:blueprint';
export const TAG_SOURCE = 'hms-sys:source';
export const TAG_MANAGED_BY = 'managed-by';
/** Tag keys and key prefixes that hms-sys sets itself; a blueprint may not set them. */
export const RESERVED_TAG_PREFIX = 'hms-sys:';
export const RESERVED_TAG_KEYS: readonly string[] = [TAG_MANAGED_BY];

/**
 * What AWS accepts in tag keys and values (letters, digits, `_ . : / = + - @` and
 * spaces), with spaces limited to the plain space: AWS's own pattern admits every
 * Unicode space separator, and a no-break space makes two keys that look alike.
 * Zero-width characters and byte order marks (format characters) are not letters.
 * @see https://docs.aws.amazon.com/tag-editor/latest/userguide/tagging.html#tag-conventions
 */
export const TAG_TEXT_PATTERN = /^[\p{L}\p{N} _.:/=+\-@]*$/u;
const TAG_TEXT_CHARACTER = /[\p{L}\p{N} _.:/=+\-@]/u;
/** AWS and Azure both allow tag values of 256 characters. */
export const MAX_TAG_VALUE_LENGTH = 256;

/**
 * The blueprint's path as a tag value. The path comes from the file system, not
 * from a validated field: a folder may be named `${file("~/.aws/credentials")}`.
 * Every character a tag value may not hold becomes `_` (so no `${`, `%{` or CDKTF
 * token can reach Terraform), and a long path keeps its end, where the file name is.
 */
export function sourceTagValue(sourceFile: string): string {
  const safe = [...sourceFile.replace(/\\/g, '/')].map((c) => (TAG_TEXT_CHARACTER.test(c) ? c : '_')).join('');
  const chars = [...safe];
  return chars.length <= MAX_TAG_VALUE_LENGTH ? safe : `...${chars.slice(chars.length - MAX_TAG_VALUE_LENGTH + 3).join('')}`;
}

export function blueprintTags(
  blueprintName: string,
  sourceFile: string,
  userTags: Readonly<Record<string, string>>,
): Record<string, string> {
  // The user's tags come first so that ours, which audits rely on, cannot be overridden (validation refuses them anyway).
  return { ...userTags, [TAG_BLUEPRINT]: blueprintName, [TAG_SOURCE]: sourceTagValue(sourceFile), [TAG_MANAGED_BY]: 'hms-sys' };
}
