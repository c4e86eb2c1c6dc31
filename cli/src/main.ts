/** Entry of `istio-inject`: exit code 0 on success, 1 on any error (as istioctl), 2 never used. */
import { runCli } from './run';

runCli(process.argv.slice(2), {
  stdout: (s) => process.stdout.write(s),
  stderr: (s) => process.stderr.write(s),
}).then(
  (code) => { process.exitCode = code; },
  (e: unknown) => {
    process.stderr.write(`Error: ${e instanceof Error ? e.message : String(e)}\n`);
    process.exitCode = 1;
  },
);
