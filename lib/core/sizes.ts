/**
 * Storage sizes are written with binary units (`500Gi`, `1Ti`), as in Kubernetes.
 * Decimal units (`1TB`) are refused rather than guessed: 1 TB and 1 TiB differ by 10%.
 */
const SIZE_PATTERN = /^([1-9][0-9]{0,6})(Gi|Ti)$/;

export const SIZE_HINT = 'use a whole number with Gi or Ti, e.g. 500Gi or 1Ti';

/** Returns the size in GiB, or undefined when `text` is not a size. */
export function parseSizeGiB(text: string): number | undefined {
  const m = SIZE_PATTERN.exec(text);
  if (!m) return undefined;
  const n = Number(m[1]);
  return m[2] === 'Ti' ? n * 1024 : n;
}
