import assert from 'node:assert/strict';
import { test } from 'node:test';
import { parseInjectArgs, UsageError } from '../../../cli/src/args';

test('accepts istioctl kube-inject flag forms', () => {
  const a = parseInjectArgs(['-f', 'app.yaml', '--meshConfigFile=mesh.yaml', '--injectConfigFile', 'inj.yaml', '-oout.yaml', '--valuesFile', 'v.json', '--revision', 'canary']);
  assert.equal(a.filename, 'app.yaml');
  assert.equal(a.meshConfigFile, 'mesh.yaml');
  assert.equal(a.injectConfigFile, 'inj.yaml');
  assert.equal(a.output, 'out.yaml');
  assert.equal(a.valuesFile, 'v.json');
  assert.equal(a.revision, 'canary');
  assert.equal(a.format, 'istioctl');
});

test('format, diff and ignored cluster flags', () => {
  const a = parseInjectArgs(['--filename', '-', '--format', 'preserve', '--diff', '--meshConfigMapName', 'istio']);
  assert.equal(a.filename, '-');
  assert.equal(a.format, 'preserve');
  assert.equal(a.diff, true);
});

test('pflag-style errors', () => {
  assert.throws(() => parseInjectArgs(['--nope']), new UsageError('unknown flag: --nope'));
  assert.throws(() => parseInjectArgs(['-f']), new UsageError("flag needs an argument: 'f' in -f"));
  assert.throws(() => parseInjectArgs(['--format', 'json']), /invalid argument "json" for "--format"/);
});
