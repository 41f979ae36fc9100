import type { CommandHelp } from './command-help';

export const VALIDATE_HELP: CommandHelp = {
  name: 'validate',
  usage: 'hms-sys validate [blueprint.yml | folder ...]   (default: blueprints/)',
  summary: 'check blueprints and report every problem',
};
