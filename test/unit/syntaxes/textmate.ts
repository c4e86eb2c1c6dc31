/** Loads our TextMate grammars with vscode-textmate + vscode-oniguruma (its bundled wasm) and tokenizes lines. */
import * as fs from 'node:fs';
import * as path from 'node:path';
import * as oniguruma from 'vscode-oniguruma';
import * as vsctm from 'vscode-textmate';

const ROOT = process.cwd();
let onig: Promise<vsctm.IOnigLib> | undefined;

function onigLib(): Promise<vsctm.IOnigLib> {
  onig ??= (async () => {
    const wasm = fs.readFileSync(path.join(ROOT, 'node_modules/vscode-oniguruma/release/onig.wasm'));
    await oniguruma.loadWASM(wasm.buffer.slice(wasm.byteOffset, wasm.byteOffset + wasm.byteLength) as ArrayBuffer);
    return {
      createOnigScanner: (sources: string[]) => new oniguruma.OnigScanner(sources),
      createOnigString: (s: string) => new oniguruma.OnigString(s),
    };
  })();
  return onig;
}

/** A registry over grammar files (scope name → path); `injections` maps a scope to the grammars injected into it. */
export function registry(files: Record<string, string>, injections: Record<string, string[]> = {}): vsctm.Registry {
  return new vsctm.Registry({
    onigLib: onigLib(),
    loadGrammar: async (scope) => {
      const file = files[scope];
      return file ? vsctm.parseRawGrammar(fs.readFileSync(file, 'utf8'), file) : null;
    },
    getInjections: (scope) => injections[scope],
  });
}

export interface Token {
  text: string;
  scopes: string[];
}

/** Tokenizes lines in order (the rule stack carries over) and returns each line's tokens. */
export function tokenize(grammar: vsctm.IGrammar, text: string): Token[][] {
  let stack = vsctm.INITIAL;
  return text.split('\n').map((line) => {
    const r = grammar.tokenizeLine(line, stack);
    stack = r.ruleStack;
    return r.tokens.map((t) => ({ text: line.slice(t.startIndex, t.endIndex), scopes: t.scopes }));
  });
}

/** The scopes of the token that is exactly `text` on this line (fails loudly when there is none). */
export function scopesOf(tokens: Token[], text: string): string[] {
  const t = tokens.find((x) => x.text === text);
  if (!t) throw new Error(`no token "${text}" in ${JSON.stringify(tokens.map((x) => x.text))}`);
  return t.scopes;
}

export const SYNTAXES = path.join(ROOT, 'syntaxes');
