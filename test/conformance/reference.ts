/** Where Istio's reference corpus lives for tests, and a loud skip when it is absent. */
import * as fs from 'node:fs';
import * as path from 'node:path';

export const REFERENCE_DIR = path.resolve(process.cwd(), '../shared/istio-reference');

export function referenceAvailable(): boolean {
  return fs.existsSync(path.join(REFERENCE_DIR, 'cases.json'));
}

export const MISSING_REFERENCE = `SKIPPED: ${REFERENCE_DIR} is absent, so Istio's golden corpus cannot be checked`;

export function readReference(rel: string): string {
  return fs.readFileSync(path.join(REFERENCE_DIR, rel), 'utf8');
}

/** Istio's test normalisation: the proxy version inside sidecar.istio.io/status is blanked. */
export function stripVersion(text: string): string {
  return text.replace(/"version":"[0-9a-f]+",/g, '"version":"",');
}
