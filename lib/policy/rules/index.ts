import type { Rule } from '../engine/rule';
import { AWS_RULES } from './aws';
import { AZURE_RULES } from './azure';
import { K8S_RULES } from './k8s';

/** Every rule hms-sys knows; packs choose among them and set their severity. */
export const ALL_RULES: readonly Rule[] = [...AWS_RULES, ...AZURE_RULES, ...K8S_RULES];
