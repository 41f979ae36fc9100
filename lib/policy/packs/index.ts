import { FEDRAMP_MODERATE } from './fedramp-moderate';
import { HIPAA } from './hipaa';
import type { Pack } from './pack';

export * from './pack';
export { FEDRAMP_MODERATE, HIPAA };

export const PACKS: Readonly<Record<string, Pack>> = { [FEDRAMP_MODERATE.id]: FEDRAMP_MODERATE, [HIPAA.id]: HIPAA };
export const PACK_IDS = Object.keys(PACKS);
/** Both packs apply unless a caller narrows them: our users answer to both. */
export const DEFAULT_PACKS = PACK_IDS;
