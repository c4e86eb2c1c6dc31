/** Go-shaped test data mirroring the Go program that produced the expected outputs (see go-conformance.test.ts). */
import {
  FuncMap, GO_STRUCT, GoStruct, NOT_FOUND, sprint, typedMap, withGoSignature, withGoType,
} from '../../../core/src/template/index';

interface StructSpec {
  type: string;
  fields: Record<string, unknown>;
  methods?: Record<string, (...a: unknown[]) => unknown>;
  nil?: boolean;
  format?: (plus: boolean) => string;
}

export function goStruct(spec: StructSpec): GoStruct {
  return {
    [GO_STRUCT]: true,
    goTypeName: spec.type,
    goNil: spec.nil ?? false,
    goField: (name) => (Object.prototype.hasOwnProperty.call(spec.fields, name) ? spec.fields[name] : NOT_FOUND),
    goMethod: (name) => spec.methods?.[name],
    toJSON: () => spec.fields,
    ...(spec.format ? { goFormat: spec.format } : {}),
  };
}

function inner(name: string, n: bigint): GoStruct {
  return goStruct({
    type: '*main.Inner',
    fields: { Name: name, N: n },
    methods: { Hello: (s) => `hello ${String(s)} from ${name}`, GetName: () => name },
    format: (plus) => (plus ? `{Name:${name} N:${n}}` : `{${name} ${n}}`),
  });
}

/** Go: &Data{...} of the reference program. */
export function data(): GoStruct {
  return goStruct({
    type: '*main.Data',
    fields: {
      S: 'str', I: 17n, F: 2.5, B: true, Z: '',
      Strs: withGoType(['a', 'b', 'c'], '[]string'),
      Any: ['x', null, 3.5, { k: 'v' }],
      M: mapData(),
      SM: typedMap({ x: '1', y: '2' }, ''),
      Empty: {},
      P: inner('bob', 3n),
      NilP: goStruct({
        type: '*main.Inner', nil: true, fields: { Name: '', N: 0n }, methods: { GetName: () => 'nil-inner' },
      }),
      Fn: withGoType((a: unknown) => sprint(['fn:', a]), 'func(interface {}) interface {}'),
    },
    methods: {
      Method0: withGoSignature(() => 'm0', { params: [] }),
      Method1: (a) => sprint(['m1:', a]),
      MethodErr: () => {
        throw new Error('boom');
      },
    },
  });
}

/** Go: map[string]any as decoded from JSON, plus one Go int. */
export function mapData(): Record<string, unknown> {
  return {
    a: 1, b: 'two', nested: { c: 'deep', n: null }, list: ['p', 'q'], nil: null, big: 1e21, int: 42n,
    t: true, f: false, zero: 0, empty: '',
  };
}

export const funcs: FuncMap = {
  upper: (a) => sprint([a]).toUpperCase(),
  fail: () => {
    throw new Error('failed');
  },
  nilf: () => null,
  id: (a) => a,
  two: (a, b) => sprint([a, '|', b]),
  list: (...a) => a,
  dict: () => ({ k: 'v' }),
  // functions with typed Go parameters
  f2: withGoSignature((a, b) => sprint([a, b]), { params: ['int', 'string'] }),
  ff: withGoSignature((x) => sprint([x]), { params: ['float64'] }),
  fb: withGoSignature((b) => !b, { params: ['bool'] }),
  fv: withGoSignature((...s) => s.join(','), { params: [], variadic: 'string' }),
};

export function fixture(name: string): unknown {
  switch (name) {
    case 'd': return data();
    case 'm': return mapData();
    case 'int': return 5n;
    default: return null;
  }
}
