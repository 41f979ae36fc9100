/** The tag of an OCI image reference, or undefined when it has none (a registry port is not a tag). */
export function imageTag(image: string): string | undefined {
  const withoutDigest = image.split('@')[0];
  const lastPart = withoutDigest.split('/').pop() ?? '';
  return lastPart.includes(':') ? lastPart.split(':').pop() : undefined;
}
