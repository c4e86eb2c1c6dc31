/**
 * Engine behaviour beyond the Go-generated conformance table: features of newer Go releases (range over int in
 * Go 1.22, `else with` in Go 1.23), parse-time function checks, template sets, error objects and reuse.
 * Outputs marked "Go 1.19" were produced by Go; the others follow the current text/template sources.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { FuncMap, parseTemplate, TemplateError } from '../../../core/src/template/index';
import { data, funcs, goStruct } from './fixtures';

function run(text: string, dot: unknown = data(), fm: FuncMap = funcs): string {
  return parseTemplate('t', text, fm).execute(dot);
}
function errorOf(f: () => unknown): TemplateError {
  try {
    f();
  } catch (e) {
    assert.ok(e instanceof TemplateError, `expected TemplateError, got ${String(e)}`);
    return e;
  }
  return assert.fail('expected an error');
}

test('range over an integer (Go 1.22)', () => {
  assert.equal(run('{{range 3}}{{.}}{{end}}'), '012');
  assert.equal(run('{{range $i := 3}}{{$i}}{{end}}'), '012');
  assert.equal(run('{{range .I}}x{{end}}').length, 17);
  assert.equal(run('{{range 0}}x{{else}}none{{end}}'), 'none');
  assert.equal(run('{{range -2}}x{{else}}none{{end}}'), 'none');
  assert.equal(run('{{range 5}}{{if eq . 2}}{{break}}{{end}}{{.}}{{end}}'), '01');
  assert.equal(run('{{range 4}}{{if eq . 1}}{{continue}}{{end}}{{.}}{{end}}'), '023');
  assert.equal(
    errorOf(() => run('{{range $i, $v := 3}}{{end}}')).message,
    'template: t:1:18: executing "t" at <3>: can\'t use 3 to iterate over more than one variable',
  );
  // float64 values (every number decoded from YAML/JSON) are not integers: Go refuses them
  assert.equal(
    errorOf(() => run('{{range .M.a}}x{{end}}')).message,
    'template: t:1:10: executing "t" at <.M.a>: range can\'t iterate over 1',
  );
});

test('else with (Go 1.23) and else if chains', () => {
  assert.equal(run('{{with .Z}}a{{else with .S}}{{.}}{{end}}'), 'str');
  assert.equal(run('{{with ""}}a{{else with 0}}b{{else}}c{{end}}'), 'c');
  assert.equal(run('{{with .Z}}a{{else with .Z}}b{{else with .P}}{{.Name}}{{end}}'), 'bob');
  assert.equal(run('{{if 0}}a{{else if 0}}b{{else}}c{{end}}'), 'c');
  // `else with` only continues a with-chain
  assert.equal(errorOf(() => run('{{if 0}}{{else with 1}}{{end}}')).message, 'template: t:1: unexpected <with> in input');
});

test('break and continue are functions when the FuncMap defines them', () => {
  const fm: FuncMap = { ...funcs, break: () => 'B', continue: () => 'C' };
  assert.equal(run('{{break}}{{continue}}', data(), fm), 'BC');
  assert.equal(run('{{range 2}}{{break}}{{end}}', data(), fm), 'BB');
  assert.equal(errorOf(() => run('{{continue}}')).message, 'template: t:1: {{continue}} outside {{range}}');
});

test('functions are resolved at parse time; the FuncMap wins over builtins', () => {
  assert.equal(errorOf(() => parseTemplate('x', '\n{{nope}}', {})).message, 'template: x:2: function "nope" not defined');
  assert.equal(run('{{len "abc"}}', null, { len: () => 'mine' }), 'mine');
  assert.equal(run('{{printf "%d" 3}}', null, {}), '3');
});

test('template sets: define, block, redefinition, self definition (Go 1.19)', () => {
  assert.equal(run('{{template "later" .S}}{{define "later"}}<{{.}}>{{end}}'), '<str>');
  assert.equal(run('{{define "t"}}X{{end}}'), 'X');
  assert.equal(run(''), '');
  assert.equal(
    errorOf(() => run('a{{define "t"}}X{{end}}')).message,
    'template: t:1: template: multiple definition of template "t"',
  );
  assert.equal(
    errorOf(() => run('{{block "b" .}}x{{end}}{{define "b"}}y{{end}}')).message,
    'template: t:1: template: multiple definition of template "b"',
  );
  const t = parseTemplate('main', '{{define "a"}}A{{end}}{{block "b" .}}B{{end}}', {});
  assert.deepEqual([...t.templateNames].sort(), ['a', 'b', 'main']);
  assert.equal(t.name, 'main');
});

test('error objects carry Go\'s text, the template name and the line (Go 1.19)', () => {
  const parse = errorOf(() => parseTemplate('inj', 'x\n{{if\n"unterminated}}', {}));
  assert.equal(parse.message, 'template: inj:3: unterminated quoted string in action started at inj:2');
  assert.equal(parse.templateName, 'inj');
  assert.equal(parse.line, 3);
  assert.equal(errorOf(() => run('{{.S\n\n')).message, 'template: t:3: unclosed action started at t:1');
  assert.equal(errorOf(() => run('{{\n.S\n#}}')).message, 'template: t:3: unexpected "#" in operand');
  assert.equal(errorOf(() => run('{{range .Strs}}{{else}}{{end}}{{end}}')).message, 'template: t:1: unexpected {{end}}');
  const exec = errorOf(() => run('{{define "inner"}}\n  {{.Nope}}{{end}}{{template "inner" .}}'));
  assert.equal(exec.message, 'template: t:2:4: executing "inner" at <.Nope>: can\'t evaluate field Nope in type *main.Data');
  assert.equal(exec.templateName, 'inner');
  assert.equal(exec.line, 2);
});

test('a parsed template is reusable: executions do not share variables or output', () => {
  const t = parseTemplate('t', '{{$x := .}}{{range .}}{{$x = .}}{{end}}{{$x}}', {});
  assert.equal(t.execute(['a', 'b']), 'b');
  assert.equal(t.execute([]), '[]');
  assert.equal(t.execute(['c']), 'c');
});

test('function errors and Go-style nil handling in arguments', () => {
  const fm: FuncMap = {
    kind: (a) => (a === null ? 'nil' : typeof a),
    boom: () => {
      throw new Error('bad input');
    },
  };
  // a missing map key reaches an interface{} parameter as nil
  assert.equal(run('{{kind .M.zzz}} {{.M.zzz | kind}} {{kind .M.nil}} {{kind nil}}', data(), fm), 'nil nil nil nil');
  assert.equal(
    errorOf(() => run('{{"x" | boom}}', data(), fm)).message,
    'template: t:1:8: executing "t" at <boom>: error calling boom: bad input',
  );
});

test('typed maps: field access gives no value, index gives the zero value', () => {
  assert.equal(run('{{.SM.nope}}|{{index .SM "nope"}}|{{index .SM "nope" | printf "%q"}}'), '<no value>||""');
});

test('nil fields of a struct: pointer vs interface{} (Go 1.19)', () => {
  const dot = goStruct({ type: '*main.S', fields: { Ptr: null, Iface: undefined } });
  assert.equal(run('{{.Ptr}}|{{.Iface}}|{{print .Iface}}', dot), '<nil>|<no value>|<nil>');
  assert.equal(errorOf(() => run('{{.Iface.X}}', dot)).message,
    'template: t:1:8: executing "t" at <.Iface.X>: nil pointer evaluating interface {}.X');
});

test('slice keeps the element type of a typed slice', () => {
  assert.equal(run('{{printf "%T %T" (slice .Strs 1) (slice .Any 1)}}'), '[]string []interface {}');
});

test('strings order by UTF-8 bytes as in Go (map keys, range, lt)', () => {
  const m = { '\uffff': 1n, '\u{1F600}': 2n, a: 3n };
  assert.equal(run('{{.}}', m), 'map[a:3 \uffff:1 \u{1F600}:2]');
  assert.equal(run('{{range $k, $v := .}}{{$v}}{{end}}', m), '312');
  assert.equal(run(String.raw`{{lt "\uffff" "\U0001F600"}}`, null), 'true');
});
