// Imported first by lib/k8s/index.ts: a missing provider package is one line naming it, not a resolution trace.
import { requireProviderBinding } from '../../core/providers';

requireProviderBinding('k8s', 'hms-sys/k8s');
