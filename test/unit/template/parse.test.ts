/**
 * Go's own parser tests (text/template/parse parse_test.go: parseTests, errorTests, numberTests), with the tree
 * text and error message each input gives in Go 1.19, produced by running Go's parser on them. Functions known to
 * the parser are only printf and contains, as in Go's tests.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { nodeString } from '../../../core/src/template/ast';
import { numberNode } from '../../../core/src/template/number-literal';
import { parseSet } from '../../../core/src/template/parser';

/** name, input, tree as text ('' on error), error ('' when it parses) */
const PARSE: [string, string, string, string][] = [
  ["empty", "", "", ""],
  ["comment", "{{/*\n\n\n*/}}", "", ""],
  ["spaces", " \t\n", " \t\n", ""],
  ["text", "some text", "some text", ""],
  ["emptyAction", "{{}}", "", "template: emptyAction:1: missing value for command"],
  ["field", "{{.X}}", "{{.X}}", ""],
  ["simple command", "{{printf}}", "{{printf}}", ""],
  ["$ invocation", "{{$}}", "{{$}}", ""],
  ["variable invocation", "{{with $x := 3}}{{$x 23}}{{end}}", "{{with $x := 3}}{{$x 23}}{{end}}", ""],
  ["variable with fields", "{{$.I}}", "{{$.I}}", ""],
  ["multi-word command", "{{printf `%d` 23}}", "{{printf `%d` 23}}", ""],
  ["pipeline", "{{.X|.Y}}", "{{.X | .Y}}", ""],
  ["pipeline with decl", "{{$x := .X|.Y}}", "{{$x := .X | .Y}}", ""],
  ["nested pipeline", "{{.X (.Y .Z) (.A | .B .C) (.E)}}", "{{.X (.Y .Z) (.A | .B .C) (.E)}}", ""],
  ["field applied to parentheses", "{{(.Y .Z).Field}}", "{{(.Y .Z).Field}}", ""],
  ["simple if", "{{if .X}}hello{{end}}", "{{if .X}}hello{{end}}", ""],
  ["if with else", "{{if .X}}true{{else}}false{{end}}", "{{if .X}}true{{else}}false{{end}}", ""],
  ["if with else if", "{{if .X}}true{{else if .Y}}false{{end}}", "{{if .X}}true{{else}}{{if .Y}}false{{end}}{{end}}", ""],
  ["if else chain", "+{{if .X}}X{{else if .Y}}Y{{else if .Z}}Z{{end}}+", "+{{if .X}}X{{else}}{{if .Y}}Y{{else}}{{if .Z}}Z{{end}}{{end}}{{end}}+", ""],
  ["simple range", "{{range .X}}hello{{end}}", "{{range .X}}hello{{end}}", ""],
  ["chained field range", "{{range .X.Y.Z}}hello{{end}}", "{{range .X.Y.Z}}hello{{end}}", ""],
  ["nested range", "{{range .X}}hello{{range .Y}}goodbye{{end}}{{end}}", "{{range .X}}hello{{range .Y}}goodbye{{end}}{{end}}", ""],
  ["range with else", "{{range .X}}true{{else}}false{{end}}", "{{range .X}}true{{else}}false{{end}}", ""],
  ["range over pipeline", "{{range .X|.M}}true{{else}}false{{end}}", "{{range .X | .M}}true{{else}}false{{end}}", ""],
  ["range []int", "{{range .SI}}{{.}}{{end}}", "{{range .SI}}{{.}}{{end}}", ""],
  ["range 1 var", "{{range $x := .SI}}{{.}}{{end}}", "{{range $x := .SI}}{{.}}{{end}}", ""],
  ["range 2 vars", "{{range $x, $y := .SI}}{{.}}{{end}}", "{{range $x, $y := .SI}}{{.}}{{end}}", ""],
  ["range with break", "{{range .SI}}{{.}}{{break}}{{end}}", "{{range .SI}}{{.}}{{break}}{{end}}", ""],
  ["range with continue", "{{range .SI}}{{.}}{{continue}}{{end}}", "{{range .SI}}{{.}}{{continue}}{{end}}", ""],
  ["constants", "{{range .SI 1 -3.2i true false 'a' nil}}{{end}}", "{{range .SI 1 -3.2i true false 'a' nil}}{{end}}", ""],
  ["template", "{{template `x`}}", "{{template \"x\"}}", ""],
  ["template with arg", "{{template `x` .Y}}", "{{template \"x\" .Y}}", ""],
  ["with", "{{with .X}}hello{{end}}", "{{with .X}}hello{{end}}", ""],
  ["with with else", "{{with .X}}hello{{else}}goodbye{{end}}", "{{with .X}}hello{{else}}goodbye{{end}}", ""],
  ["trim left", "x \r\n\t{{- 3}}", "x{{3}}", ""],
  ["trim right", "{{3 -}}\n\n\ty", "{{3}}y", ""],
  ["trim left and right", "x \r\n\t{{- 3 -}}\n\n\ty", "x{{3}}y", ""],
  ["trim with extra spaces", "x\n{{-  3   -}}\ny", "x{{3}}y", ""],
  ["comment trim left", "x \r\n\t{{- /* hi */}}", "x", ""],
  ["comment trim right", "{{/* hi */ -}}\n\n\ty", "y", ""],
  ["comment trim left and right", "x \r\n\t{{- /* */ -}}\n\n\ty", "xy", ""],
  ["block definition", "{{block \"foo\" .}}hello{{end}}", "{{template \"foo\" .}}", ""],
  ["newline in assignment", "{{ $x \n := \n 1 \n }}", "{{$x := 1}}", ""],
  ["newline in empty action", "{{\n}}", "", "template: newline in empty action:2: missing value for command"],
  ["newline in pipeline", "{{\n\"x\"\n|\nprintf\n}}", "{{\"x\" | printf}}", ""],
  ["newline in comment", "{{/*\nhello\n*/}}", "", ""],
  ["newline in comment", "{{-\n/*\nhello\n*/\n-}}", "", ""],
  ["spaces around continue", "{{range .SI}}{{.}}{{ continue }}{{end}}", "{{range .SI}}{{.}}{{continue}}{{end}}", ""],
  ["spaces around break", "{{range .SI}}{{.}}{{ break }}{{end}}", "{{range .SI}}{{.}}{{break}}{{end}}", ""],
  ["unclosed action", "hello{{range", "", "template: unclosed action:1: unclosed action"],
  ["unmatched end", "{{end}}", "", "template: unmatched end:1: unexpected {{end}}"],
  ["unmatched else", "{{else}}", "", "template: unmatched else:1: unexpected {{else}}"],
  ["unmatched else after if", "{{if .X}}hello{{end}}{{else}}", "", "template: unmatched else after if:1: unexpected {{else}}"],
  ["multiple else", "{{if .X}}1{{else}}2{{else}}3{{end}}", "", "template: multiple else:1: expected end; found {{else}}"],
  ["missing end", "hello{{range .x}}", "", "template: missing end:1: unexpected EOF"],
  ["missing end after else", "hello{{range .x}}{{else}}", "", "template: missing end after else:1: unexpected EOF"],
  ["undefined function", "hello{{undefined}}", "", "template: undefined function:1: function \"undefined\" not defined"],
  ["undefined variable", "{{$x}}", "", "template: undefined variable:1: undefined variable \"$x\""],
  ["variable undefined after end", "{{with $x := 4}}{{end}}{{$x}}", "", "template: variable undefined after end:1: undefined variable \"$x\""],
  ["variable undefined in template", "{{template $v}}", "", "template: variable undefined in template:1: unexpected \"$v\" in template clause"],
  ["declare with field", "{{with $x.Y := 4}}{{end}}", "", "template: declare with field:1: undefined variable \"$x\""],
  ["template with field ref", "{{template .X}}", "", "template: template with field ref:1: unexpected \".X\" in template clause"],
  ["template with var", "{{template $v}}", "", "template: template with var:1: unexpected \"$v\" in template clause"],
  ["invalid punctuation", "{{printf 3, 4}}", "", "template: invalid punctuation:1: unexpected \",\" in operand"],
  ["multidecl outside range", "{{with $v, $u := 3}}{{end}}", "", "template: multidecl outside range:1: too many declarations in with"],
  ["too many decls in range", "{{range $u, $v, $w := 3}}{{end}}", "", "template: too many decls in range:1: too many declarations in range"],
  ["dot applied to parentheses", "{{printf (printf .).}}", "", "template: dot applied to parentheses:1: unexpected <.> in operand"],
  ["adjacent args", "{{printf 3`x`}}", "", "template: adjacent args:1: unexpected \"`x`\" in operand"],
  ["adjacent args with .", "{{printf `x`.}}", "", "template: adjacent args with .:1: unexpected <.> in operand"],
  ["extra end after if", "{{if .X}}a{{else if .Y}}b{{end}}{{end}}", "", "template: extra end after if:1: unexpected {{end}}"],
  ["break outside range", "{{range .}}{{end}} {{break}}", "", "template: break outside range:1: {{break}} outside {{range}}"],
  ["continue outside range", "{{range .}}{{end}} {{continue}}", "", "template: continue outside range:1: {{continue}} outside {{range}}"],
  ["break in range else", "{{range .}}{{else}}{{break}}{{end}}", "", "template: break in range else:1: {{break}} outside {{range}}"],
  ["continue in range else", "{{range .}}{{else}}{{continue}}{{end}}", "", "template: continue in range else:1: {{continue}} outside {{range}}"],
  ["bug0a", "{{$x := 0}}{{$x}}", "{{$x := 0}}{{$x}}", ""],
  ["bug0b", "{{$x += 1}}{{$x}}", "", "template: bug0b:1: undefined variable \"$x\""],
  ["bug0c", "{{$x ! 2}}{{$x}}", "", "template: bug0c:1: undefined variable \"$x\""],
  ["bug0d", "{{$x % 3}}{{$x}}", "", "template: bug0d:1: undefined variable \"$x\""],
  ["bug0e", "{{range $x := $y := 3}}{{end}}", "", "template: bug0e:1: undefined variable \"$y\""],
  ["bug1a", "{{$x:=.}}{{$x!2}}", "", "template: bug1a:1: bad character U+0021 '!'"],
  ["bug1b", "{{$x:=.}}{{$x+2}}", "", "template: bug1b:1: bad character U+002B '+'"],
  ["bug1c", "{{$x:=.}}{{$x +2}}", "{{$x := .}}{{$x +2}}", ""],
  ["dot after integer", "{{1.E}}", "", "template: dot after integer:1: illegal number syntax: \"1.E\""],
  ["dot after float", "{{0.1.E}}", "", "template: dot after float:1: unexpected . after term \"0.1\""],
  ["dot after boolean", "{{true.E}}", "", "template: dot after boolean:1: unexpected . after term \"true\""],
  ["dot after char", "{{'a'.any}}", "", "template: dot after char:1: unexpected . after term \"'a'\""],
  ["dot after string", "{{\"hello\".guys}}", "", "template: dot after string:1: unexpected . after term \"\\\"hello\\\"\""],
  ["dot after dot", "{{..E}}", "", "template: dot after dot:1: unexpected . after term \".\""],
  ["dot after nil", "{{nil.E}}", "", "template: dot after nil:1: unexpected . after term \"nil\""],
  ["wrong pipeline dot", "{{12|.}}", "", "template: wrong pipeline dot:1: non executable command in pipeline stage 2"],
  ["wrong pipeline number", "{{.|12|printf}}", "", "template: wrong pipeline number:1: non executable command in pipeline stage 2"],
  ["wrong pipeline string", "{{.|printf|\"error\"}}", "", "template: wrong pipeline string:1: non executable command in pipeline stage 3"],
  ["wrong pipeline char", "{{12|printf|'e'}}", "", "template: wrong pipeline char:1: non executable command in pipeline stage 3"],
  ["wrong pipeline boolean", "{{.|true}}", "", "template: wrong pipeline boolean:1: non executable command in pipeline stage 2"],
  ["wrong pipeline nil", "{{'c'|nil}}", "", "template: wrong pipeline nil:1: non executable command in pipeline stage 2"],
  ["empty pipeline", "{{printf \"%d\" ( ) }}", "", "template: empty pipeline:1: missing value for parenthesized pipeline"],
  ["block definition", "{{block \"foo\"}}hello{{end}}", "", "template: block definition:1: missing value for block clause"],
  ["unclosed1", "line1\n{{", "", "template: unclosed1:2: unclosed action"],
  ["unclosed2", "line1\n{{define `x`}}line2\n{{", "", "template: unclosed2:3: unclosed action"],
  ["unclosed3", "line1\n{{\"x\"\n\"y\"\n", "", "template: unclosed3:4: unclosed action started at unclosed3:2"],
  ["unclosed4", "{{\n\n\n\n\n", "", "template: unclosed4:6: unclosed action started at unclosed4:1"],
  ["var1", "line1\n{{\nx\n}}", "", "template: var1:3: function \"x\" not defined"],
  ["function", "{{foo}}", "", "template: function:1: function \"foo\" not defined"],
  ["comment1", "{{/*}}", "", "template: comment1:1: unclosed comment"],
  ["comment2", "{{/*\nhello\n}}", "", "template: comment2:1: unclosed comment"],
  ["lparen", "{{.X (1 2 3}}", "", "template: lparen:1: unclosed left paren"],
  ["rparen", "{{.X 1 2 3 ) }}", "", "template: rparen:1: unexpected \")\" in command"],
  ["rparen2", "{{(.X 1 2 3", "", "template: rparen2:1: unclosed action"],
  ["space", "{{`x`3}}", "", "template: space:1: unexpected \"3\" in operand"],
  ["idchar", "{{a#}}", "", "template: idchar:1: bad character U+0023 '#'"],
  ["charconst", "{{'a}}", "", "template: charconst:1: unterminated character constant"],
  ["stringconst", "{{\"a}}", "", "template: stringconst:1: unterminated quoted string"],
  ["rawstringconst", "{{`a}}", "", "template: rawstringconst:1: unterminated raw quoted string"],
  ["number", "{{0xi}}", "", "template: number:1: illegal number syntax: \"0xi\""],
  ["multidefine", "{{define `a`}}a{{end}}{{define `a`}}b{{end}}", "", "template: multidefine:1: template: multiple definition of template \"a\""],
  ["eof", "{{range .X}}", "", "template: eof:1: unexpected EOF"],
  ["variable", "{{$x := 23}}{{with $x.y := 3}}{{$x 23}}{{end}}", "", "template: variable:1: unexpected \":=\" in operand"],
  ["multidecl", "{{$a,$b,$c := 23}}", "", "template: multidecl:1: too many declarations in command"],
  ["undefvar", "{{$a}}", "", "template: undefvar:1: undefined variable \"$a\""],
  ["wrongdot", "{{true.any}}", "", "template: wrongdot:1: unexpected . after term \"true\""],
  ["wrongpipeline", "{{12|false}}", "", "template: wrongpipeline:1: non executable command in pipeline stage 2"],
  ["emptypipeline", "{{ ( ) }}", "", "template: emptypipeline:1: missing value for parenthesized pipeline"],
  ["multilinerawstring", "{{ $v := `\n` }} {{", "", "template: multilinerawstring:2: unclosed action"],
  ["rangeundefvar", "{{range $k}}{{end}}", "", "template: rangeundefvar:1: undefined variable \"$k\""],
  ["rangeundefvars", "{{range $k, $v}}{{end}}", "", "template: rangeundefvars:1: undefined variable \"$v\""],
  ["rangemissingvalue1", "{{range $k,}}{{end}}", "", "template: rangemissingvalue1:1: missing value for range"],
  ["rangemissingvalue2", "{{range $k, $v := }}{{end}}", "", "template: rangemissingvalue2:1: missing value for range"],
  ["rangenotvariable1", "{{range $k, .}}{{end}}", "", "template: rangenotvariable1:1: range can only initialize variables"],
  ["rangenotvariable2", "{{range $k, 123 := .}}{{end}}", "", "template: rangenotvariable2:1: range can only initialize variables"],
];

test('parse: trees and errors match Go for parse_test.go inputs', () => {
  const has = (n: string): boolean => n === 'printf' || n === 'contains';
  const failures: string[] = [];
  for (const [name, input, result, err] of PARSE) {
    let got = '';
    let gotErr = '';
    try {
      got = nodeString(parseSet(name, input, has).trees.get(name)!);
    } catch (e) {
      gotErr = (e as Error).message;
    }
    if (got !== result || gotErr !== err) failures.push(`${name}: got ${JSON.stringify(got)} / ${gotErr}`);
  }
  assert.deepEqual(failures, []);
});

/** text, error, isInt, isUint, isFloat, isComplex, int, uint, float */
const NUMBERS: [string, string, boolean, boolean, boolean, boolean, string, string, number][] = [
  ["0", "", true, true, true, false, "0", "0", 0],
  ["-0", "", true, true, true, false, "0", "0", 0],
  ["73", "", true, true, true, false, "73", "73", 73],
  ["7_3", "", true, true, true, false, "73", "73", 73],
  ["0b10_010_01", "", true, true, true, false, "73", "73", 73],
  ["0B10_010_01", "", true, true, true, false, "73", "73", 73],
  ["073", "", true, true, true, false, "59", "59", 59],
  ["0o73", "", true, true, true, false, "59", "59", 59],
  ["0O73", "", true, true, true, false, "59", "59", 59],
  ["0x73", "", true, true, true, false, "115", "115", 115],
  ["0X73", "", true, true, true, false, "115", "115", 115],
  ["0x7_3", "", true, true, true, false, "115", "115", 115],
  ["-73", "", true, false, true, false, "-73", "0", -73],
  ["+73", "", true, false, true, false, "73", "0", 73],
  ["100", "", true, true, true, false, "100", "100", 100],
  ["1e9", "", true, true, true, false, "1000000000", "1000000000", 1000000000],
  ["-1e9", "", true, false, true, false, "-1000000000", "0", -1000000000],
  ["-1.2", "", false, false, true, false, "0", "0", -1.2],
  ["1e19", "", false, true, true, false, "0", "10000000000000000000", 10000000000000000000],
  ["1e1_9", "", false, true, true, false, "0", "10000000000000000000", 10000000000000000000],
  ["1E19", "", false, true, true, false, "0", "10000000000000000000", 10000000000000000000],
  ["-1e19", "", false, false, true, false, "0", "0", -10000000000000000000],
  ["0x_1p4", "", true, true, true, false, "16", "16", 16],
  ["0X_1P4", "", true, true, true, false, "16", "16", 16],
  ["0x_1p-4", "syntax error scanning complex number", false, false, false, false, "", "", 0],
  ["4i", "", false, false, false, true, "0", "0", 0],
  ["-1.2+4.2i", "", false, false, false, true, "0", "0", 0],
  ["073i", "", false, false, false, true, "0", "0", 0],
  ["0i", "", true, true, true, true, "0", "0", 0],
  ["-1.2+0i", "", false, false, true, true, "0", "0", -1.2],
  ["-12+0i", "", true, false, true, true, "-12", "0", -12],
  ["13+0i", "", true, true, true, true, "13", "13", 13],
  ["0123", "", true, true, true, false, "83", "83", 83],
  ["-0x0", "", true, true, true, false, "0", "0", 0],
  ["0xdeadbeef", "", true, true, true, false, "3735928559", "3735928559", 3735928559],
  ["'a'", "", true, true, true, false, "97", "97", 97],
  ["'\\n'", "", true, true, true, false, "10", "10", 10],
  ["'\\\\'", "", true, true, true, false, "92", "92", 92],
  ["'\\''", "", true, true, true, false, "39", "39", 39],
  ["'\\xFF'", "", true, true, true, false, "255", "255", 255],
  ["'パ'", "", true, true, true, false, "12497", "12497", 12497],
  ["'\\u30d1'", "", true, true, true, false, "12497", "12497", 12497],
  ["'\\U000030d1'", "", true, true, true, false, "12497", "12497", 12497],
  ["+-2", "syntax error scanning complex number", false, false, false, false, "", "", 0],
  ["0x123.", "illegal number syntax: \"0x123.\"", false, false, false, false, "", "", 0],
  ["1e.", "illegal number syntax: \"1e.\"", false, false, false, false, "", "", 0],
  ["0xi.", "illegal number syntax: \"0xi.\"", false, false, false, false, "", "", 0],
  ["1+2.", "syntax error scanning complex number", false, false, false, false, "", "", 0],
  ["'x", "malformed character constant: 'x", false, false, false, false, "", "", 0],
  ["'xx'", "malformed character constant: 'xx'", false, false, false, false, "", "", 0],
  ["'433937734937734969526500969526500'", "malformed character constant: '433937734937734969526500969526500'", false, false, false, false, "", "", 0],
  ["0xef", "", true, true, true, false, "239", "239", 239],
];

test('number literals: kinds and values match Go for numberTests', () => {
  for (const [text, err, isInt, isUint, isFloat, isComplex, i, u, f] of NUMBERS) {
    const type = text[0] === "'" ? 'charConstant' : /[+-]/.test(text.slice(1)) ? 'complex' : 'number';
    if (err) {
      assert.throws(() => numberNode(0, text, type), { message: err }, text);
      continue;
    }
    const n = numberNode(0, text, type);
    assert.deepEqual(
      [n.isInt, n.isUint, n.isFloat, n.isComplex, n.isInt ? String(n.int) : '0', n.isUint ? String(n.uint) : '0', n.isFloat ? n.float : 0],
      [isInt, isUint, isFloat, isComplex, i, u, f],
      text,
    );
  }
});
