/** The golden cases of Istio's inject_test.go and of istioctl kube-inject's command-line tests. */
import * as path from 'node:path';
import { readReference, REFERENCE_DIR } from './reference';

export interface MeshOverride {
  op: 'set' | 'append';
  path: string;
  value: unknown;
}

export interface CorpusCase {
  index: number;
  input: string;
  golden?: string;
  renderedConfigDir: string;
  /** Kubelet versions of the test cluster's nodes (they decide native sidecars). */
  nodes: string[];
  meshOverrides?: MeshOverride[];
  setup?: { features?: Record<string, string>; env?: Record<string, string> };
  expectedError?: string;
  expectedLog?: string;
  skipInjection?: boolean;
}

export interface CliCase {
  args: string[];
  golden?: string;
  error?: string;
}

export function corpusCases(): CorpusCase[] {
  return (JSON.parse(readReference('cases.json')) as { cases: CorpusCase[] }).cases;
}

export function cliCases(): CliCase[] {
  return (JSON.parse(readReference('kubeinject-cli/cases.json')) as { cases: CliCase[] }).cases;
}

export const CLI_CASES_DIR = path.join(REFERENCE_DIR, 'kubeinject-cli');

export function caseName(c: CorpusCase): string {
  return `[${String(c.index).padStart(3, '0')}] ${c.golden ?? c.input}`;
}
