/**
 * Preloaded into a benchmarked process (`node --require`): on exit, writes the process's
 * peak resident set size in bytes to the file named by MLOPS_LENS_BENCH_RSS.
 */
import { writeFileSync } from 'node:fs';

const target = process.env.MLOPS_LENS_BENCH_RSS;
if (target) process.on('exit', () => writeFileSync(target, String(process.resourceUsage().maxRSS * 1024)));
