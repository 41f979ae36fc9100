import type { Rule } from '../../engine/rule';
import { claimUsesEncryptedClass } from './claim-uses-encrypted-class';
import { namespaceDefaultDeny } from './namespace-default-deny';
import { storageClassCustomerKey, storageClassEncrypted } from './storage-class-encrypted';
import { workloadDropsCapabilities } from './workload-drops-capabilities';
import { workloadImagePinned } from './workload-image-pinned';
import { workloadNoHostNamespaces } from './workload-no-host-namespaces';
import { workloadNoHostPath } from './workload-no-host-path';
import { workloadNoPrivilegeEscalation } from './workload-no-privilege-escalation';
import { workloadNoTokenAutomount } from './workload-no-token-automount';
import { workloadNotDefaultNamespace } from './workload-not-default-namespace';
import { workloadNotPrivileged } from './workload-not-privileged';
import { workloadReadOnlyRoot } from './workload-read-only-root';
import { workloadResourceLimits } from './workload-resource-limits';
import { workloadRunsAsNonRoot } from './workload-runs-as-non-root';
import { workloadSeccomp } from './workload-seccomp';

import { rbacNoWildcards } from './rbac-no-wildcards';
import { rbacNoPublicBindings } from './rbac-no-public-bindings';
import { defaultServiceAccountNoAutomount } from './default-service-account-no-automount';
import { workloadNoHostPort } from './workload-no-host-port';
import { workloadNoSecretEnv } from './workload-no-secret-env';
export const K8S_RULES: readonly Rule[] = [
  workloadNotPrivileged, workloadNoPrivilegeEscalation, workloadDropsCapabilities, workloadRunsAsNonRoot,
  workloadNoHostNamespaces, workloadNoHostPath, workloadSeccomp, workloadReadOnlyRoot, workloadImagePinned,
  workloadResourceLimits, namespaceDefaultDeny, storageClassEncrypted, storageClassCustomerKey,
  claimUsesEncryptedClass, workloadNotDefaultNamespace, workloadNoTokenAutomount,
  rbacNoWildcards, rbacNoPublicBindings, defaultServiceAccountNoAutomount, workloadNoHostPort, workloadNoSecretEnv,
];
