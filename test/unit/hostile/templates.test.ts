/**
 * Injection templates that loop, recurse or explode, given as an injector config file: the template engine's bounds
 * stop each one, and the document fails with the engine's TemplateError text; nothing hangs.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { createInjector, injectText, settingsFromSources } from '../../../core/src/index';
import { DEFAULT_LIMITS } from '../../../core/src/template/index';
import { BOUND_MS, POD, within } from './helpers';

/** Injects POD with `template` as the whole sidecar template (`--injectConfigFile` with a bare template). */
function injectWith(template: string): string[] {
  const injector = createInjector(settingsFromSources({ injectConfigFile: template }));
  return within(BOUND_MS, () => injectText(POD, injector)).errors;
}

const RUN = 'document 1, line 1: failed to run injection template: template: inject:';

test('a template that calls itself stops at the depth limit', () => {
  assert.deepEqual(injectWith('{{define "a"}}{{template "a"}}{{end}}{{template "a"}}'), [
    `${RUN}1:25: executing "a" at <{{template "a"}}>: exceeded maximum template depth (${DEFAULT_LIMITS.maxDepth})`,
  ]);
});

test('two templates that call each other stop at the depth limit', () => {
  const [error] = injectWith('{{define "a"}}{{template "b" .}}{{end}}{{define "b"}}{{template "a" .}}{{end}}{{template "a" .}}');
  assert.match(error, /^document 1, line 1: failed to run injection template: template: inject:1:\d+: executing "[ab]" at <\{\{template "[ab]" \.\}\}>: exceeded maximum template depth \(200\)$/);
});

test('a huge range stops at the step limit', () => {
  assert.deepEqual(injectWith('{{range 1000000000}}x{{end}}'), [
    `${RUN}1:20: executing "inject" at <x>: exceeded maximum number of steps (${DEFAULT_LIMITS.maxSteps})`,
  ]);
});

test('nested ranges and exponential fan-out stop at the step limit', () => {
  assert.match(injectWith('{{range 100000}}{{range 100000}}{{end}}{{end}}')[0], /exceeded maximum number of steps \(1000000\)$/);
  let fan = '{{define "t0"}}x{{end}}';
  for (let i = 1; i <= 40; i++) fan += `{{define "t${i}"}}{{template "t${i - 1}"}}{{template "t${i - 1}"}}{{end}}`;
  assert.match(injectWith(`${fan}{{template "t40"}}`)[0], /exceeded maximum number of steps \(1000000\)$/);
});

test('a template that prints without end stops at the output limit', () => {
  const [error] = injectWith(`{{range 900000}}${'x'.repeat(200)}{{end}}`);
  assert.match(error, /exceeded maximum (output size|number of steps)/);
});

test('template syntax errors and output that is not YAML are errors of the document', () => {
  assert.deepEqual(injectWith('{{if}}'), ['document 1, line 1: template: inject:1: missing value for if']);
  assert.deepEqual(injectWith('{{define "a"}}'), ['document 1, line 1: template: inject:1: unexpected EOF']);
  assert.deepEqual(injectWith('spec: [\n'), [
    'document 1, line 1: failed to run injection template: failed applying injection overlay: strategic merge: invalid JSON document',
  ]);
});
