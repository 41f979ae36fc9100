/**
 * What a command says about itself: one line for `hms-sys --help`, its usage for
 * errors, and what `hms-sys <command> --help` adds. Each command's help lives in
 * its own small module here, read by main.ts without loading the command (so
 * `hms-sys validate` still does not load CDKTF) and by the command for its errors:
 * main.ts and the commands never import each other.
 */
export interface CommandHelp {
  readonly name: string;
  readonly summary: string;
  readonly usage: string;
  /** Paragraphs after the usage in `hms-sys <command> --help`: how names are chosen, what each exit code means here. */
  readonly details?: readonly string[];
}

/** How plan, apply, drift, status and verify read the names they are given (lib/cli/stack-selection.ts). */
export const NAMING_HELP =
  'names: a blueprint name selects all its stacks (<name>-aws, <name>-aws-k8s, <name>-azure, <name>-azure-k8s); a stack name selects that stack; a blueprint file (.yml) selects the stacks of that file. An unknown name exits 1 with the names there are.';

/** The exit table every command follows (lib/cli/io.ts). */
export const EXIT_HELP = 'exit: 0 success; 1 refused (bad input, policy, guard); 2 drift found (drift only); 3 tool chain or cloud failed; 70 internal error. See the README, "Safety".';
