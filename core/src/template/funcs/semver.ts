/** sprig's semver and semverCompare: Masterminds/semver v3 versions and constraints. */
import { GO_STRUCT, NOT_FOUND, type GoStruct } from '../value';
import { fixed, FuncSpec, stringArg } from './args';

interface Version {
  major: bigint;
  minor: bigint;
  patch: bigint;
  pre: string;
  metadata: string;
  original: string;
}

const CV = String.raw`v?([0-9|x|X|\*]+)(\.[0-9|x|X|\*]+)?(\.[0-9|x|X|\*]+)?(-([0-9A-Za-z\-]+(\.[0-9A-Za-z\-]+)*))?(\+([0-9A-Za-z\-]+(\.[0-9A-Za-z\-]+)*))?`;
const OPS = String.raw`=||!=|>|<|>=|=>|<=|=<|~|~>|\^`;
const VERSION_RE = new RegExp(String.raw`^v?([0-9]+)(\.[0-9]+)?(\.[0-9]+)?(-([0-9A-Za-z\-]+(\.[0-9A-Za-z\-]+)*))?(\+([0-9A-Za-z\-]+(\.[0-9A-Za-z\-]+)*))?$`);
const CONSTRAINT_RE = new RegExp(String.raw`^\s*(${OPS})\s*(${CV})\s*$`);
const RANGE_RE = new RegExp(String.raw`\s*(${CV})\s+-\s+(${CV})\s*`, 'g');
const FIND_RE = new RegExp(String.raw`(${OPS})\s*(${CV})`, 'g');
const VALID_RE = new RegExp(String.raw`^(\s*(${OPS})\s*(${CV})\s*)((?:\s+|,\s*)(${OPS})\s*(${CV})\s*)*$`);

/** semver.NewVersion (the lenient parser: "v" prefix, missing minor/patch). */
export function parseVersion(v: string): Version {
  const m = VERSION_RE.exec(v);
  if (!m) throw new Error('Invalid Semantic Version');
  const pre = m[5] ?? '';
  for (const part of pre ? pre.split('.') : []) {
    if (/^[0-9]+$/.test(part) && part.length > 1 && part[0] === '0') throw new Error('Version segment starts with 0');
  }
  const seg = (s: string | undefined): bigint => (s ? BigInt(s.replace(/^\./, '')) : 0n);
  return { major: seg(m[1]), minor: seg(m[2]), patch: seg(m[3]), pre, metadata: m[8] ?? '', original: v };
}

const cmp = (a: bigint, b: bigint): number => (a < b ? -1 : a > b ? 1 : 0);

function comparePrePart(s: string, o: string): number {
  if (s === o) return 0;
  if (s === '') return -1;
  if (o === '') return 1;
  const sn = /^[0-9]+$/.test(s);
  const on = /^[0-9]+$/.test(o);
  if (!sn && !on) return s > o ? 1 : -1;
  if (!on) return -1;
  if (!sn) return 1;
  return BigInt(s) > BigInt(o) ? 1 : -1;
}

export function compareVersions(v: Version, o: Version): number {
  const d = cmp(v.major, o.major) || cmp(v.minor, o.minor) || cmp(v.patch, o.patch);
  if (d !== 0) return d;
  if (v.pre === '' && o.pre === '') return 0;
  if (v.pre === '') return 1;
  if (o.pre === '') return -1;
  const sp = v.pre.split('.');
  const op = o.pre.split('.');
  for (let i = 0; i < Math.max(sp.length, op.length); i++) {
    const r = comparePrePart(sp[i] ?? '', op[i] ?? '');
    if (r !== 0) return r;
  }
  return 0;
}

interface Constraint {
  op: string;
  con: Version;
  dirty: boolean;
  minorDirty: boolean;
  patchDirty: boolean;
}

const isX = (s: string | undefined): boolean => s === 'x' || s === 'X' || s === '*';

function parseConstraint(c: string): Constraint {
  const m = CONSTRAINT_RE.exec(c);
  if (!m) throw new Error(`improper constraint: ${c}`);
  // Groups: 1 op, 2 version, 3 major, 4 .minor, 5 .patch, 6 -pre.
  const [major, minor, patch, pre] = [m[3], m[4] ?? '', m[5] ?? '', m[6] ?? ''];
  let ver = m[2];
  let dirty = false;
  let minorDirty = false;
  let patchDirty = false;
  if (isX(major) || major === '') [ver, dirty] = [`0.0.0${pre}`, true];
  else if (isX(minor.slice(1)) || minor === '') [ver, dirty, minorDirty] = [`${major}.0.0${pre}`, true, true];
  else if (isX(patch.slice(1)) || patch === '') [ver, dirty, patchDirty] = [`${major}${minor}.0${pre}`, true, true];
  let con: Version;
  try {
    con = parseVersion(ver);
  } catch {
    throw new Error('constraint Parser Error');
  }
  return { op: m[1], con, dirty, minorDirty, patchDirty };
}

function tilde(v: Version, c: Constraint): boolean {
  if (compareVersions(v, c.con) < 0) return false;
  const { con } = c;
  if (con.major === 0n && con.minor === 0n && con.patch === 0n && !c.minorDirty && !c.patchDirty) return true;
  if (v.major !== con.major) return false;
  return v.minor === con.minor || c.minorDirty;
}

function check(v: Version, c: Constraint): boolean {
  const { con } = c;
  if (c.op !== '!=' && v.pre !== '' && con.pre === '') return false;
  switch (c.op) {
    case '':
    case '=':
      return c.dirty ? tilde(v, c) : compareVersions(v, con) === 0;
    case '!=':
      if (c.dirty) {
        if (v.pre !== '' && con.pre === '') return false;
        if (con.major !== v.major) return true;
        if (con.minor !== v.minor && !c.minorDirty) return true;
        if (c.minorDirty) return false;
        if (con.patch !== v.patch && !c.patchDirty) return true;
        if (c.patchDirty) {
          if (v.pre !== '' || con.pre !== '') return compareVersions({ ...v, major: 0n, minor: 0n, patch: 0n }, { ...con, major: 0n, minor: 0n, patch: 0n }) !== 0;
          return false;
        }
      }
      return compareVersions(v, con) !== 0;
    case '>':
      if (!c.dirty) return compareVersions(v, con) === 1;
      if (v.major !== con.major) return v.major > con.major;
      if (c.minorDirty) return false;
      if (c.patchDirty) return v.minor > con.minor;
      return compareVersions(v, con) === 1;
    case '<':
      return compareVersions(v, con) < 0;
    case '>=':
    case '=>':
      return compareVersions(v, con) >= 0;
    case '<=':
    case '=<':
      if (!c.dirty) return compareVersions(v, con) <= 0;
      if (v.major > con.major) return false;
      return !(v.major === con.major && v.minor > con.minor && !c.minorDirty);
    case '~':
    case '~>':
      return tilde(v, c);
    case '^':
      if (compareVersions(v, con) < 0) return false;
      if (con.major > 0n || c.minorDirty) return v.major === con.major;
      if (v.major > 0n) return false;
      if (con.minor > 0n || c.patchDirty) return v.minor === con.minor;
      if (v.minor > 0n) return false;
      return con.patch === v.patch;
    default:
      return false;
  }
}

/** semver.NewConstraint(...).Check(version). */
export function semverCompare(constraint: string, version: string): boolean {
  const rewritten = constraint.replace(RANGE_RE, (_m, from: string, ...rest: unknown[]) => `>= ${from}, <= ${rest[9] as string} `);
  const ors = rewritten.split('||').map((or) => {
    if (!VALID_RE.test(or)) throw new Error(`improper constraint: ${or}`);
    const found = or.match(FIND_RE) ?? [or];
    return found.map(parseConstraint);
  });
  const v = parseVersion(version);
  return ors.some((and) => and.every((c) => check(v, c)));
}

function versionStruct(v: Version): GoStruct {
  const text = `${v.major}.${v.minor}.${v.patch}${v.pre ? `-${v.pre}` : ''}${v.metadata ? `+${v.metadata}` : ''}`;
  const methods: Record<string, () => unknown> = {
    Major: () => v.major,
    Minor: () => v.minor,
    Patch: () => v.patch,
    Prerelease: () => v.pre,
    Metadata: () => v.metadata,
    Original: () => v.original,
    String: () => text,
  };
  return {
    [GO_STRUCT]: true,
    goTypeName: '*semver.Version',
    goField: () => NOT_FOUND,
    goMethod: (name) => methods[name],
    toJSON: () => text,
  };
}

export const semverFuncs: Record<string, FuncSpec> = {
  semverCompare: fixed(2, (c, v) => semverCompare(stringArg(c), stringArg(v))),
  semver: fixed(1, (v) => versionStruct(parseVersion(stringArg(v)))),
};
