import { buildTestCli } from './built-cli';

/** Jest globalSetup: bundle the CLI once for every test file that spawns it. */
export default function globalSetup(): void {
  buildTestCli();
}
