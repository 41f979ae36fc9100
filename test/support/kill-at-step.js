// Preloaded into a child process (`node -r`) by the output-folder tests, so that a test
// can stop a real process at every step of a swap. Counts the file system calls that
// change an entry of HMS_TEST_KILL_ROOT or of a folder in it (the output, its staging
// and previous copies, the lock; not every file written deep inside the staging
// folder, which nobody reads before it is complete) and sends the process SIGKILL
// just before call number HMS_TEST_KILL_AT (0: never), or before the first call
// matching HMS_TEST_KILL_BEFORE. Writes the calls it counted to HMS_TEST_KILL_LOG
// (outside the root), one per line, for the test to read.
'use strict';
const fs = require('node:fs');
const root = process.env.HMS_TEST_KILL_ROOT;
const at = Number(process.env.HMS_TEST_KILL_AT || 0);
// Or: kill just before the first counted call whose "<function> <path>" matches this pattern.
const before = process.env.HMS_TEST_KILL_BEFORE ? new RegExp(process.env.HMS_TEST_KILL_BEFORE) : undefined;
const log = process.env.HMS_TEST_KILL_LOG;
let count = 0;
for (const name of ['renameSync', 'rmSync', 'mkdirSync', 'writeFileSync', 'rmdirSync', 'unlinkSync']) {
  const original = fs[name];
  fs[name] = function (path, ...rest) {
    if (root && typeof path === 'string' && path.startsWith(`${root}/`) && path.slice(root.length + 1).split('/').length <= 2) {
      count++;
      if (log) fs.appendFileSync(log, `${count} ${name} ${path}\n`);
      if (count === at || (before && before.test(`${name} ${path}`))) process.kill(process.pid, 'SIGKILL');
    }
    return original.call(this, path, ...rest);
  };
}
