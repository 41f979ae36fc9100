/**
 * Guards against values that Terraform or CDKTF would evaluate instead of
 * treating as text. A blueprint value such as `${file("/etc/passwd")}` would
 * otherwise become a Terraform expression in the synthesized JSON.
 */

/** Terraform interpolation `${`, template directive `%{`, and CDKTF token markers. */
const EXPRESSION_PATTERN = /\$\{|%\{|\$\$\{|TfToken\[/;
// C0/C1 control characters other than tab; they hide text in terminals and logs.
const CONTROL_PATTERN = /[\u0000-\u0008\u000a-\u001f\u007f-\u009f\u2028\u2029\u202a-\u202e\u2066-\u2069]/;

/** Why `text` cannot be used literally, or undefined when it can. */
export function literalProblem(text: string): string | undefined {
  if (EXPRESSION_PATTERN.test(text)) {
    return 'contains "${", "%{" or a CDKTF token, which Terraform would evaluate as an expression; remove it';
  }
  if (CONTROL_PATTERN.test(text)) {
    return 'contains control or bidirectional-override characters; use plain text';
  }
  return undefined;
}

/** True when a synthesized value is an unresolved Terraform reference, known only at apply time. */
export function isUnresolved(value: unknown): boolean {
  return typeof value === 'string' && value.includes('${');
}
