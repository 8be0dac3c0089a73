/** Entry point of the `mlops-lens` command. */
import { version } from '../../package.json';
import { defaultKnowledgeDir, EXIT, run } from './run';

// A reader that stops early (`mlops-lens | head`) is not an error: end quietly.
process.stdout.on('error', (err: NodeJS.ErrnoException) => {
  if (err.code !== 'EPIPE') throw err;
  process.exit(EXIT.ok);
});

run(process.argv.slice(2), {
  stdout: process.stdout,
  stderr: process.stderr,
  env: process.env,
  cwd: process.cwd(),
  knowledgeDir: defaultKnowledgeDir(__dirname),
  version,
}).then(
  (code) => {
    process.exitCode = code;
  },
  (err: unknown) => {
    process.stderr.write(`mlops-lens: unexpected error: ${(err as Error)?.stack ?? String(err)}\n`);
    process.exitCode = EXIT.scanFailed;
  },
);
