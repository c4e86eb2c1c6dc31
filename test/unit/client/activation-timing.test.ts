// The extension's activation log lines (client/src/activation-timing.ts) and the P4 activation bench's readers of
// them and of VS Code's Startup Performance table (test/bench/p4-activation.ts) must agree.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { markBundleEvaluated, startActivationClock } from '../../../client/src/activation-timing';
import { parseActivationRow, parseOwnLog } from '../../bench/p4-activation';

test('the clock logs bundle evaluation, activate(), the deferred client and the server, and the bench reads them', () => {
  markBundleEvaluated();
  const clock = startActivationClock();
  const activated = clock.activated();
  assert.match(activated, /^activation: bundle evaluated in [\d.]+ ms, activate\(\) called [\d.]+ ms later and returned in [\d.]+ ms \(bundle start \d{13}, return \d{13} epoch ms\)$/);
  const client = clock.clientMade(performance.now() - 5);
  const running = clock.serverRunning();
  const log = [
    `2026-11-26 10:00:00.000 [info] ${activated}`,
    `2026-11-26 10:00:00.050 [info] ${client}`,
    '2026-11-26 10:00:00.060 [info] language server stopped → starting',
    `2026-11-26 10:00:00.400 [info] ${running}`,
  ].join('\n');
  const parsed = parseOwnLog(log);
  assert.ok(parsed);
  assert.ok(parsed.evaluation >= 0 && parsed.activate >= 0);
  assert.ok(parsed.clientMade !== undefined && parsed.clientMade >= 5, `client made in ${parsed.clientMade} ms`);
  assert.ok(parsed.serverAfter !== undefined && parsed.serverAfter >= 0);
});

test('a log without the server line has no serverAfter; an old log without the clock is undefined', () => {
  const clock = startActivationClock();
  assert.equal(parseOwnLog(clock.activated())?.serverAfter, undefined);
  assert.equal(parseOwnLog('[info] injector configuration: built-in'), undefined);
});

test("the Startup Performance table's row for the extension gives Load Code, Call Activate, Finish Activate", () => {
  const table = [
    '## Extension Activation Stats',
    '',
    '| Extension                         | Eager | Load Code | Call Activate | Finish Activate | Event               | By                                |',
    '| --------------------------------- | ----- | --------- | ------------- | --------------- | ------------------- | --------------------------------- |',
    '| vscode.git                        | true  | 50        | 2             | 3               | *                   | vscode.git                        |',
    '| istio-inject.istio-inject         | false | 145       | 3             | 274             | onLanguage:yaml     | istio-inject.istio-inject         |',
  ].join('\n');
  assert.deepEqual(parseActivationRow(table, 'istio-inject.istio-inject'), [145, 3, 274]);
  assert.equal(parseActivationRow(table, 'other.extension'), undefined);
});
