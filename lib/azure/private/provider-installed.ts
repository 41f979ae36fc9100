// Imported first by lib/azure/index.ts: a missing provider package is one line naming it, not a resolution trace.
import { requireProviderBinding } from '../../core/providers';

requireProviderBinding('azure', 'hms-sys/azure');
