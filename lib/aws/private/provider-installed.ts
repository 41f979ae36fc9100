// Imported first by lib/aws/index.ts: a missing provider package is one line naming it, not a resolution trace.
import { requireProviderBinding } from '../../core/providers';

requireProviderBinding('aws', 'hms-sys/aws');
