/**
 * Namespaces Kubernetes itself owns. A blueprint's name becomes its namespace,
 * which hms-sys creates, isolates and protects from destroy: never one of these.
 * @see https://kubernetes.io/docs/concepts/overview/working-with-objects/namespaces/#initial-namespaces
 */
export const SYSTEM_NAMESPACES: readonly string[] = ['default', 'kube-system', 'kube-public', 'kube-node-lease'];
