/**
 * What a plain (unquoted) scalar means: the YAML 1.1 schema of the `yaml` package as yamlToJson configures it (no
 * timestamps, no base-60 numbers). The tests and their order mirror that schema, so both decoders agree exactly,
 * odd corners included (`.` and `e5` are NaN there, `0o17` stays a string, `-0` is negative zero).
 */
import { decline } from './decline';

const NULL = /^(?:~|[Nn]ull|NULL)?$/;
const TRUE = /^(?:Y|y|[Yy]es|YES|[Tt]rue|TRUE|[Oo]n|ON)$/;
const FALSE = /^(?:N|n|[Nn]o|NO|[Ff]alse|FALSE|[Oo]ff|OFF)$/;
const INT_BIN = /^[-+]?0b[0-1_]+$/;
const INT_OCT = /^[-+]?0[0-7_]+$/;
const INT_DEC = /^[-+]?[0-9][0-9_]*$/;
const INT_HEX = /^[-+]?0x[0-9a-fA-F_]+$/;
const FLOAT_NAN = /^(?:[-+]?\.(?:inf|Inf|INF)|\.nan|\.NaN|\.NAN)$/;
const FLOAT_EXP = /^[-+]?(?:[0-9][0-9_]*)?(?:\.[0-9_]*)?[eE][-+]?[0-9]+$/;
const FLOAT = /^[-+]?(?:[0-9][0-9_]*)?\.[0-9_]*$/;

function int(text: string, prefix: number, radix: number): number {
  const sign = text[0];
  const digits = text.substring(sign === '-' || sign === '+' ? prefix + 1 : prefix).replace(/_/g, '');
  const n = parseInt(digits, radix);
  return sign === '-' ? -1 * n : n;
}

function numeric(text: string): unknown {
  if (INT_BIN.test(text)) return int(text, 2, 2);
  if (INT_OCT.test(text)) return int(text, 1, 8);
  if (INT_DEC.test(text)) return int(text, 0, 10);
  if (INT_HEX.test(text)) return int(text, 2, 16);
  if (FLOAT_NAN.test(text)) {
    if (text.slice(-3).toLowerCase() === 'nan') return NaN;
    return text[0] === '-' ? -Infinity : Infinity;
  }
  if (FLOAT_EXP.test(text) || FLOAT.test(text)) return parseFloat(text.replace(/_/g, ''));
  return text;
}

/** The value of a plain scalar (already trimmed, single line). */
export function resolvePlain(text: string): unknown {
  if (text === '') return null;
  switch (text.charCodeAt(0)) {
    case 0x7e: // ~
      return text === '~' ? null : text;
    case 0x6e: case 0x4e: // n N
      if (NULL.test(text)) return null;
      return FALSE.test(text) ? false : text;
    case 0x79: case 0x59: case 0x74: case 0x54: // y Y t T
      return TRUE.test(text) ? true : text;
    case 0x66: case 0x46: // f F
      return FALSE.test(text) ? false : text;
    case 0x6f: case 0x4f: // o O
      if (TRUE.test(text)) return true;
      return FALSE.test(text) ? false : text;
    case 0x65: case 0x45: // e E: "e5" is a float there
    case 0x2b: case 0x2d: case 0x2e: // + - .
    case 0x30: case 0x31: case 0x32: case 0x33: case 0x34: case 0x35: case 0x36: case 0x37: case 0x38: case 0x39:
      return numeric(text);
    default:
      return text;
  }
}

/**
 * The property name a plain key becomes: its value turned to a string, as the `yaml` package names JS object keys.
 * `<<` is a merge key and is reported as undefined. A null key ("~:", "null:") is left to the `yaml` package.
 */
export function plainKey(text: string): string | undefined {
  if (text === '<<') return undefined;
  const value = resolvePlain(text);
  if (value === null) decline('null key');
  return typeof value === 'string' ? value : String(value);
}
