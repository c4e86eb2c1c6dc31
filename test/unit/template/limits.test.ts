/** Hostile templates must fail fast with a TemplateError instead of hanging or exhausting memory. */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { DEFAULT_LIMITS, parseTemplate, TemplateError } from '../../../core/src/template/index';

function failsFast(text: string, limits: Parameters<ReturnType<typeof parseTemplate>['execute']>[1], pattern: RegExp): void {
  const t = parseTemplate('evil', text, {});
  const start = Date.now();
  assert.throws(() => t.execute({}, limits), (e: unknown) => e instanceof TemplateError && pattern.test(e.message));
  assert.ok(Date.now() - start < 5000, `took ${Date.now() - start} ms`);
}

test('infinite template recursion stops at the depth limit', () => {
  failsFast('{{define "r"}}{{template "r" .}}{{end}}{{template "r" .}}', undefined,
    /^template: evil:1:25: executing "r" at <{{template "r" .}}>: exceeded maximum template depth \(200\)$/);
  failsFast('{{define "a"}}x{{template "b" .}}{{end}}{{define "b"}}{{template "a" .}}{{end}}{{template "a"}}',
    { maxDepth: 50 }, /exceeded maximum template depth \(50\)/);
});

test('a huge range stops at the step limit', () => {
  failsFast('{{range 1000000000}}{{end}}', { maxSteps: 100_000 }, /exceeded maximum number of steps \(100000\)/);
  failsFast('{{range 1000000000}}{{.}}{{end}}', undefined, /exceeded maximum number of steps/);
});

test('exponential fan-out through templates stops at the step limit', () => {
  let text = '{{define "t0"}}x{{end}}';
  for (let i = 1; i <= 40; i++) text += `{{define "t${i}"}}{{template "t${i - 1}"}}{{template "t${i - 1}"}}{{end}}`;
  failsFast(`${text}{{template "t40"}}`, { maxSteps: 1_000_000 }, /exceeded maximum number of steps/);
});

test('output is bounded', () => {
  failsFast('{{range 100000}}xxxxxxxxxx{{end}}', { maxOutput: 1000 }, /exceeded maximum output size \(1000\)/);
});

test('exhausting the JavaScript stack is reported as a TemplateError', () => {
  failsFast('{{define "r"}}{{template "r" .}}{{end}}{{template "r" .}}', { maxDepth: 10_000_000 },
    /exceeded maximum (nesting|template depth)/);
});

test('deeply nested parentheses are a parse error, not a stack overflow', () => {
  const n = 5000;
  assert.throws(
    () => parseTemplate('deep', `{{${'('.repeat(n)}1${')'.repeat(n)}}}`, {}),
    (e: unknown) => e instanceof TemplateError && e.message === 'template: deep:1: max expression depth exceeded',
  );
  assert.equal(parseTemplate('ok', `{{${'('.repeat(100)}1${')'.repeat(100)}}}`, {}).execute(null), '1');
});

test('defaults are finite and documented', () => {
  assert.ok(Number.isFinite(DEFAULT_LIMITS.maxSteps) && DEFAULT_LIMITS.maxSteps >= 100_000);
  assert.ok(DEFAULT_LIMITS.maxDepth >= 100 && DEFAULT_LIMITS.maxDepth < 100_000);
  assert.ok(Number.isFinite(DEFAULT_LIMITS.maxOutput));
});

test('deeply nested actions are a TemplateError at parse or execution time, never a crash', () => {
  for (const n of [500, 100_000]) {
    const text = '{{if 1}}'.repeat(n) + 'x' + '{{end}}'.repeat(n);
    try {
      assert.equal(parseTemplate('nest', text, {}).execute(null), 'x');
    } catch (e) {
      assert.ok(e instanceof TemplateError, String(e));
      assert.match(e.message, /^template: nest:1: actions nested too deeply$|exceeded maximum nesting/);
    }
  }
});
