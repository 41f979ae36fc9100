import type { Rule } from '../engine/rule';
import { PACKS } from '../packs';

/**
 * Every rule hms-sys runs: the rules named by the packs (lib/policy/packs), in
 * pack order, each once. A rule file no pack names never runs, and a test says so.
 */
export const ALL_RULES: readonly Rule[] = [...new Set(Object.values(PACKS).flatMap((p) => p.entries.map((e) => e.rule)))];
