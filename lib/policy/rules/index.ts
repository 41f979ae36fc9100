import type { Rule } from '../engine/rule';
import { AWS_RULES } from './aws';

/** Every rule hms-sys knows; packs choose among them. */
export const ALL_RULES: readonly Rule[] = [...AWS_RULES];
