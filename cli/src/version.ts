/** `istio-inject --version`: the package's version and the Istio release of the built-in configuration. */
import * as fs from 'node:fs';
import * as path from 'node:path';
import { BUILTIN_ISTIO_TAG } from '../../core/src/config/builtin';

/** The version in the nearest package.json named istio-inject above this file (dist/ in a package, out/ in a checkout). */
function packageVersion(): string {
  for (let dir = __dirname; ; dir = path.dirname(dir)) {
    try {
      const pkg = JSON.parse(fs.readFileSync(path.join(dir, 'package.json'), 'utf8')) as { name?: string; version?: string };
      if (pkg.name === 'istio-inject' && pkg.version) return pkg.version;
    } catch {
      // no package.json here: keep walking up
    }
    if (path.dirname(dir) === dir) return 'unknown';
  }
}

export function versionText(): string {
  return `istio-inject ${packageVersion()} (built-in configuration: Istio ${BUILTIN_ISTIO_TAG})\n`;
}
