import { test } from 'node:test';
import assert from 'node:assert/strict';
import { sprigFuncs } from '../../../core/src/template/funcs';
import { castToFloat64, castToInt64 } from '../../../core/src/template/funcs/cast';
import { parseInt0 } from '../../../core/src/go/strconv';
import { formatFloat } from '../../../core/src/go/format-float';

const f = sprigFuncs();

test('int / int64 / float64 follow spf13/cast (sprig TestToInt, TestToFloat64)', () => {
  for (const v of [102n, 102, '102', '102.234', 102.9]) assert.equal(f.int(v), 102n);
  assert.equal(f.int64('15020'), 15020n);
  assert.equal(f.int('0x1f'), 31n); // base prefixes are honoured (ParseInt base 0)
  assert.equal(f.int('017'), 15n); // a leading zero means octal
  assert.equal(f.int('1_000'), 1000n);
  assert.equal(f.int('abc'), 0n);
  assert.equal(f.int(''), 0n);
  assert.equal(f.int(null), 0n);
  assert.equal(f.int(true), 1n);
  assert.equal(f.int({}), 0n);
  assert.equal(f.int('99999999999999999999'), 0n); // out of range is an error → 0
  assert.equal(f.float64('102.5'), 102.5);
  assert.equal(f.float64(102n), 102);
  assert.equal(f.float64('1e400'), 0);
  assert.equal(f.float64('x'), 0);
  assert.equal(castToInt64(-1.9), -1n);
  assert.equal(castToFloat64('inf'), Infinity);
  assert.equal(castToFloat64('-Infinity'), -Infinity);
  assert.ok(Number.isNaN(castToFloat64('NaN')));
  assert.equal(castToFloat64('+nan'), 0, 'ParseFloat takes a sign only before Inf');
  assert.equal(castToFloat64('1e1_0'), 1e10, 'underscores between exponent digits');
  assert.equal(castToFloat64('0x_1p0'), 1);
  assert.equal(castToFloat64('0x__1p0'), 0);
  assert.equal(parseInt0('-0b101'), -5n);
  assert.equal(parseInt0('_1'), undefined);
});

test('atoi drops errors', () => {
  assert.equal(f.atoi('42'), 42n);
  assert.equal(f.atoi('4.2'), 0n);
  assert.equal(f.atoi('+7'), 7n);
});

test('integer arithmetic (sprig numeric tests)', () => {
  assert.equal(f.add1(3n), 4n);
  assert.equal(f.add(1n, 2n, 3n), 6n);
  assert.equal(f.add(), 0n);
  assert.equal(f.sub(14n, 3n), 11n);
  assert.equal(f.div(5n, 4n), 1n);
  assert.equal(f.div(-7n, 2n), -3n);
  assert.equal(f.mod(-7n, 2n), -1n);
  assert.equal(f.mul('2', 3n, '4', 1n), 24n);
  assert.equal(f.add(1.9, 1n), 2n); // floats truncate
  assert.throws(() => f.div(1n, 0n), /integer divide by zero/);
  assert.equal(f.biggest(1n, 2n, 3n, 345n, 5n), 345n);
  assert.equal(f.max(345n), 345n);
  assert.equal(f.min(1n, 2n, 3n, 345n), 1n);
  assert.equal(f.add(9223372036854775807n, 1n), -9223372036854775808n);
});

test('float functions compute in decimal (sprig TestAddf … TestSubf)', () => {
  assert.equal(f.add1f(3.4), 4.4);
  assert.equal(f.addf(1.5, 2.2, 3n), 6.7);
  assert.equal(f.addf(0.1, 0.2), 0.3);
  assert.equal(f.divf(5n, 4n, 2n), 0.625);
  assert.equal(f.divf(1n, 3n), 0.3333333333333333);
  assert.equal(f.mulf(1.2, '2.4', 10n, '4'), 115.2);
  assert.equal(f.subf(4.5, 1n, 3n), 0.5);
  assert.equal(f.maxf(1n, 2n, 345.7, 5n), 345.7);
  assert.equal(f.minf(1.4, 2n, 345.6), 1.4);
  assert.equal(f.floor(1.9), 1);
  assert.equal(f.ceil('1.1'), 2);
  assert.equal(f.round(123.5555, 3n), 123.556);
  assert.equal(f.round(123.5555, 3n, 0.6), 123.555);
});

test('seq (sprig TestSeq)', () => {
  const cases: [bigint[], string][] = [
    [[0n, 1n, 3n], '0 1 2 3'],
    [[0n, 3n, 10n], '0 3 6 9'],
    [[3n, 3n, 2n], ''],
    [[3n, -3n, 2n], '3'],
    [[], ''],
    [[0n, 4n], '0 1 2 3 4'],
    [[5n], '1 2 3 4 5'],
    [[-5n], '1 0 -1 -2 -3 -4 -5'],
    [[0n], '1 0'],
    [[0n, 1n, 2n, 3n], ''],
    [[0n, -4n], '0 -1 -2 -3 -4'],
  ];
  for (const [args, want] of cases) assert.equal(f.seq(...args), want, `seq ${args.join(' ')}`);
});

test('toDecimal reads octal (sprig TestToDecimal)', () => {
  assert.equal(f.toDecimal('777'), 511n);
  assert.equal(f.toDecimal(777n), 511n);
  assert.equal(f.toDecimal('0x1'), 0n);
});

test('%v float formatting matches strconv g -1', () => {
  const cases: [number, string][] = [
    [15020, '15020'],
    [1e6, '1e+06'],
    [123456, '123456'],
    [123456789, '1.23456789e+08'],
    [0.0001, '0.0001'],
    [0.00001, '1e-05'],
    [2.5, '2.5'],
    [-0.5, '-0.5'],
    [1e21, '1e+21'],
    [1.5e-300, '1.5e-300'],
  ];
  for (const [n, want] of cases) assert.equal(formatFloat(n, 'g', -1), want);
});
