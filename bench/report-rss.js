// Preloaded into benchmarked processes (node -r): writes the peak resident set size,
// in bytes, to the file named by HMS_BENCH_RSS_FILE when the process exits.
const { writeFileSync } = require('node:fs');
process.on('exit', () => {
  if (process.env.HMS_BENCH_RSS_FILE) writeFileSync(process.env.HMS_BENCH_RSS_FILE, String(process.resourceUsage().maxRSS * 1024));
});
