/**
 * The FIPS node image's recipe version and revision format. No provider import here: the
 * blueprint schema validates `aws.nodeImageRevision` with the same function.
 */

/**
 * The image recipe's semantic version: `1.<kubelet minor>.<revision>`, e.g. `1.34.20261123`
 * for a 1.34 kubelet patched on 2026-11-23 (`revision` 0 when none is given). The recipe's
 * name stays the same across versions and revisions: Image Builder names the build log
 * group after it (`/aws/imagebuilder/<image name>`, monitor-cwlogs.html), and
 * `name` forces a new recipe, infrastructure and distribution configuration and log group
 * in provider 5.100.0 (seen in the offline upgrade plan, docs/DEPLOYMENT-REVIEW.md "Day 2").
 * What changes on an upgrade or a patch is the version, which also forces a new recipe:
 * that new recipe reads the newest Canonical serial, and builds a new image.
 * Each part is a non-negative integer (Image Builder semantic versioning, major.minor.patch).
 * @see https://docs.aws.amazon.com/imagebuilder/latest/userguide/ibhow-semantic-versioning.html
 */
export function fipsImageRecipeVersion(kubeletVersion: string, revision?: string): string {
  return `1.${kubeletVersion.split('.')[1]}.${revision ? revision.replace(/-/g, '') : '0'}`;
}

/** `YYYY-MM-DD`, a real calendar day. */
export function isImageRevision(value: string): boolean {
  if (!/^\d{4}-\d{2}-\d{2}$/.test(value)) return false;
  const day = new Date(`${value}T00:00:00Z`);
  return !Number.isNaN(day.getTime()) && day.toISOString().slice(0, 10) === value;
}
