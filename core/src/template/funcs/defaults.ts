/**
 * sprig's defaults.go (default, empty, coalesce, ternary, JSON), reflect.go, and the small OS, path, encoding and
 * flow-control entries of its function map.
 */
import { goJsonMarshal } from '../../go/json';
import { goTypeName } from '../value';
import { anyArg, boolArg, fixed, FuncSpec, stringArg, variadic } from './args';
import { base64Decode, base64Encode, goJsonUnmarshal } from './encoding';
import { deepEqual, isEmpty, kindOf } from './go-values';
import { pathBase, pathClean, pathDir, pathExt } from './paths';

const orEmpty = (f: () => string): string => {
  try {
    return f();
  } catch {
    return '';
  }
};

/** os.ExpandEnv over the given environment: $NAME and ${NAME}; unknown names expand to "". */
function expandEnv(s: string, env: Record<string, string>): string {
  return s.replace(/\$(\{([^}]*)\}|[A-Za-z0-9_]+|[*#$@!?-])/g, (_m, whole: string, braced?: string) => {
    const name = braced ?? whole;
    return Object.prototype.hasOwnProperty.call(env, name) ? env[name] : '';
  });
}

/** The sprig functions of this group; `env` stands in for the process environment (Go's os.Getenv). */
export function defaultFuncs(env: Record<string, string>): Record<string, FuncSpec> {
  return {
    default: variadic(2, (d, ...given) => (given.length === 0 || isEmpty(given[0]) ? anyArg(d) : given[0])),
    empty: fixed(1, (v) => isEmpty(v)),
    coalesce: variadic(1, (...vs) => vs.find((v) => !isEmpty(v)) ?? null),
    all: variadic(1, (...vs) => vs.every((v) => !isEmpty(v))),
    any: variadic(1, (...vs) => vs.some((v) => !isEmpty(v))),
    ternary: fixed(3, (vt, vf, cond) => (boolArg(cond) ? anyArg(vt) : anyArg(vf))),

    fromJson: fixed(1, (s) => {
      try {
        return goJsonUnmarshal(stringArg(s));
      } catch (e) {
        if (typeof s !== 'string') throw e;
        return null;
      }
    }),
    mustFromJson: fixed(1, (s) => goJsonUnmarshal(stringArg(s))),
    toJson: fixed(1, (v) => orEmpty(() => goJsonMarshal(anyArg(v)))),
    mustToJson: fixed(1, (v) => goJsonMarshal(anyArg(v))),
    toPrettyJson: fixed(1, (v) => orEmpty(() => goJsonMarshal(anyArg(v), { indent: '  ' }))),
    mustToPrettyJson: fixed(1, (v) => goJsonMarshal(anyArg(v), { indent: '  ' })),
    toRawJson: fixed(1, (v) => goJsonMarshal(anyArg(v), { escapeHTML: false })),
    mustToRawJson: fixed(1, (v) => goJsonMarshal(anyArg(v), { escapeHTML: false })),

    typeOf: fixed(1, (v) => goTypeName(anyArg(v))),
    typeIs: fixed(2, (t, v) => stringArg(t) === goTypeName(anyArg(v))),
    typeIsLike: fixed(2, (t, v) => {
      const name = goTypeName(anyArg(v));
      return stringArg(t) === name || `*${stringArg(t)}` === name;
    }),
    kindOf: fixed(1, (v) => kindOf(anyArg(v))),
    kindIs: fixed(2, (k, v) => stringArg(k) === kindOf(anyArg(v))),
    deepEqual: fixed(2, (a, b) => deepEqual(anyArg(a), anyArg(b))),

    fail: fixed(1, (msg) => {
      throw new Error(stringArg(msg));
    }),

    env: fixed(1, (k) => env[stringArg(k)] ?? ''),
    expandenv: fixed(1, (s) => expandEnv(stringArg(s), env)),

    b64enc: fixed(1, (s) => base64Encode(stringArg(s))),
    b64dec: fixed(1, (s) => {
      try {
        return base64Decode(stringArg(s));
      } catch (e) {
        return (e as Error).message; // sprig returns the error text as the result
      }
    }),

    base: fixed(1, (p) => pathBase(stringArg(p))),
    dir: fixed(1, (p) => pathDir(stringArg(p))),
    clean: fixed(1, (p) => pathClean(stringArg(p))),
    ext: fixed(1, (p) => pathExt(stringArg(p))),
    isAbs: fixed(1, (p) => stringArg(p).startsWith('/')),
  };
}
