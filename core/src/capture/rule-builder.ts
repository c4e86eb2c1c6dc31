/**
 * Collects rules per IP family in the order istio-iptables adds them, and renders them as iptables-restore input:
 * tables in name order, each with its `-N` chain declarations first, then the rules, then COMMIT.
 */

/** One rule: the table, the chain it goes to, and its full parameters (`-A CHAIN …` or `-I CHAIN N …`). */
export interface Rule {
  table: string;
  chain: string;
  params: string[];
}

/** Marks the parameter that differs per family (e.g. 127.0.0.1/32 vs ::1/128). */
export const PER_FAMILY = '\u0000per-family';

const BUILT_IN = new Set(['INPUT', 'OUTPUT', 'FORWARD', 'PREROUTING', 'POSTROUTING', 'ACCEPT', 'RETURN', 'DROP']);

export class RuleBuilder {
  readonly v4: Rule[] = [];
  readonly v6: Rule[] = [];
  private readonly ipv6: boolean;

  constructor(ipv6: boolean) {
    this.ipv6 = ipv6;
  }

  /** Appends to both families (IPv6 only when enabled). */
  append(chain: string, table: string, ...params: string[]): void {
    this.appendV4(chain, table, ...params);
    this.appendV6(chain, table, ...params);
  }

  appendV4(chain: string, table: string, ...params: string[]): void {
    this.v4.push({ table, chain, params: ['-A', chain, ...params] });
  }

  appendV6(chain: string, table: string, ...params: string[]): void {
    if (this.ipv6) this.v6.push({ table, chain, params: ['-A', chain, ...params] });
  }

  /** Appends with PER_FAMILY replaced by `v4` in the IPv4 rule and by `v6` in the IPv6 one. */
  appendPerFamily(v4: string, v6: string, chain: string, table: string, ...params: string[]): void {
    this.appendV4(chain, table, ...params.map((p) => (p === PER_FAMILY ? v4 : p)));
    this.appendV6(chain, table, ...params.map((p) => (p === PER_FAMILY ? v6 : p)));
  }

  insert(chain: string, table: string, position: number, ...params: string[]): void {
    this.insertV4(chain, table, position, ...params);
    this.insertV6(chain, table, position, ...params);
  }

  insertV4(chain: string, table: string, position: number, ...params: string[]): void {
    this.v4.push({ table, chain, params: ['-I', chain, String(position), ...params] });
  }

  insertV6(chain: string, table: string, position: number, ...params: string[]): void {
    if (this.ipv6) this.v6.push({ table, chain, params: ['-I', chain, String(position), ...params] });
  }
}

/**
 * The iptables-restore input for one family's rules. `declareJumpTargets`: also declare chains that are only
 * jumped to (later releases do; 1.12 did not).
 */
export function renderRestore(rules: readonly Rule[], declareJumpTargets: boolean): string {
  const tables = new Map<string, string[]>([['filter', []], ['nat', []], ['mangle', []]]);
  const lines = (table: string) => {
    let list = tables.get(table);
    if (!list) tables.set(table, (list = []));
    return list;
  };
  const declared = new Set<string>();
  const declare = (chain: string, table: string) => {
    const key = `${chain}:${table}`;
    if (declared.has(key)) return;
    declared.add(key);
    if (!BUILT_IN.has(chain)) lines(table).push(`-N ${chain}`);
  };
  for (const r of rules) declare(r.chain, r.table);
  if (declareJumpTargets) {
    for (const r of rules) {
      if (r.params.length >= 2 && r.params[r.params.length - 2] === '-j') declare(r.params[r.params.length - 1], r.table);
    }
  }
  for (const r of rules) lines(r.table).push(r.params.join(' '));
  let out = '';
  for (const table of [...tables.keys()].sort()) {
    const body = tables.get(table) ?? [];
    if (!body.length) continue;
    out += `* ${table}\n${body.join('\n')}\nCOMMIT\n`;
  }
  return out;
}
