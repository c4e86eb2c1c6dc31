/**
 * Go printing that only template functions need: sprig's strval and time.Duration's String. fmt itself (Sprint,
 * `%v`) is the engine's (../printf), strconv and UTF-8 helpers live in ../../go/.
 */
import { formatValue } from '../printf';

/** sprig's strval: strings as they are, errors and Stringers via their method, everything else `%v`. */
export function strval(v: unknown): string {
  return formatValue(v);
}

/** Go's time.Duration.String, e.g. 1h2m3.5s, 1.5ms, 0s. */
export function goDurationString(ns: bigint): string {
  if (ns === 0n) return '0s';
  const neg = ns < 0n;
  let u = neg ? -ns : ns;
  const sign = neg ? '-' : '';
  const frac = (value: bigint, unit: bigint): string => {
    const whole = value / unit;
    const rest = (value % unit).toString().padStart(unit.toString().length - 1, '0').replace(/0+$/, '');
    return rest ? `${whole}.${rest}` : `${whole}`;
  };
  if (u < 1000000000n) {
    if (u < 1000n) return `${sign}${u}ns`;
    if (u < 1000000n) return `${sign}${frac(u, 1000n)}µs`;
    return `${sign}${frac(u, 1000000n)}ms`;
  }
  let out = `${frac(u % 60000000000n, 1000000000n)}s`;
  u /= 60000000000n;
  if (u > 0n) {
    out = `${u % 60n}m${out}`;
    u /= 60n;
    if (u > 0n) out = `${u}h${out}`;
  }
  return sign + out;
}
