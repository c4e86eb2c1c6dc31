/** Entry of `istio-inject`: exit code 0 on success, 1 on any error (as istioctl). */
import { runCli } from './run';

process.exitCode = runCli(process.argv.slice(2), {
  stdout: (s) => process.stdout.write(s),
  stderr: (s) => process.stderr.write(s),
});
