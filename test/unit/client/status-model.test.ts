import { test } from 'node:test';
import assert from 'node:assert/strict';
import { statusView } from '../../../client/src/status-model';

const t = (message: string, ...args: (string | number)[]): string => message.replace(/\{(\d+)\}/g, (_, i: string) => String(args[Number(i)]));

test('built-in: package icon, version; tooltip names the source and says click to change', () => {
  const view = statusView({ source: 'builtin', label: 'built-in', istioVersion: '1.28.0', revision: '' }, { requested: 'builtin', loading: false }, t);
  assert.equal(view.text, '$(package) Istio 1.28.0');
  assert.equal(view.warning, false);
  assert.match(view.tooltip, /Injector configuration: built-in/);
  assert.match(view.tooltip, /Click to select the injector config source/);
});

test('cluster with a revision: cloud icon, version and revision, the context in the tooltip', () => {
  const view = statusView({ source: 'cluster', label: 'kind-dev/istio-system', istioVersion: '1.27.1', revision: 'canary' }, { requested: 'cluster', loading: false }, t);
  assert.equal(view.text, '$(cloud) Istio 1.27.1 (canary)');
  assert.match(view.tooltip, /kind-dev\/istio-system/);
  assert.match(view.tooltip, /Revision: canary/);
});

test('loading: a spinner, and what is loading', () => {
  const view = statusView(undefined, { requested: 'cluster', loading: true }, t);
  assert.equal(view.text, '$(sync~spin) Istio');
  assert.match(view.tooltip, /Loading the cluster injector configuration/);
});

test('a client-side failure (cluster unreachable) or a server-side one (texts do not load) is a warning that says built-in', () => {
  const fallback = { source: 'builtin' as const, label: 'built-in', istioVersion: '1.28.0', revision: '' };
  const client = statusView(fallback, { requested: 'cluster', loading: false, error: 'connect ECONNREFUSED' }, t);
  assert.equal(client.text, '$(warning) Istio 1.28.0');
  assert.equal(client.warning, true);
  assert.match(client.tooltip, /cluster injector configuration could not be used: connect ECONNREFUSED/);
  assert.match(client.tooltip, /Using the built-in configuration instead/);
  const server = statusView({ ...fallback, label: 'built-in (fallback)', error: 'failed to unmarshal' }, { requested: 'files', loading: false }, t);
  assert.equal(server.warning, true);
  assert.match(server.tooltip, /files injector configuration could not be used: failed to unmarshal/);
});
