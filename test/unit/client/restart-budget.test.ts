import { test } from 'node:test';
import assert from 'node:assert/strict';
import { RestartBudget } from '../../../client/src/restart-budget';

test('four restarts within the window, the fifth crash stays down', () => {
  const budget = new RestartBudget(4, 180_000);
  assert.deepEqual([0, 1000, 2000, 3000].map((now) => budget.allow(now)), [true, true, true, true]);
  assert.equal(budget.allow(4000), false);
});

test('crashes older than the window no longer count', () => {
  const budget = new RestartBudget(2, 1000);
  assert.equal(budget.allow(0), true);
  assert.equal(budget.allow(500), true);
  assert.equal(budget.allow(900), false);
  assert.equal(budget.allow(1600), true, 'the crash at 0 left the window');
});
