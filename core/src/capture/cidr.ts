/**
 * IP prefixes as istio-iptables parses and prints them: Go's netip.ParsePrefix (current line: the address is kept as
 * written, canonical text) and Go's net.ParseCIDR (1.12 line: the network address, bad entries skipped).
 */

/** A parsed prefix: its family, its text as Go prints it, and whether its address is a loopback address. */
export interface Prefix {
  family: 4 | 6;
  text: string;
  loopback: boolean;
}

type Addr = { family: 4; bytes: number[] } | { family: 6; bytes: number[] };

/** netip.ParsePrefix + Prefix.String(); throws Go's message on bad input. */
export function parsePrefixNetip(s: string): Prefix {
  const fail = (why: string): never => {
    throw new Error(`netip.ParsePrefix(${JSON.stringify(s)}): ${why}`);
  };
  const slash = s.lastIndexOf('/');
  if (slash < 0) fail(`no '/'`);
  const addrText = s.slice(0, slash);
  const bitsText = s.slice(slash + 1);
  const addr = parseAddr(addrText);
  if (!addr) return fail(`ParseAddr(${JSON.stringify(addrText)}): unable to parse IP`);
  if (addrText.includes('%')) fail('IPv6 zones cannot be present in a prefix');
  if (!/^\d+$/.test(bitsText) || (bitsText.length > 1 && bitsText[0] === '0')) fail(`bad bits after slash: ${JSON.stringify(bitsText)}`);
  const bits = Number(bitsText);
  if (bits > (addr.family === 4 ? 32 : 128)) fail('prefix length out of range');
  return { family: addr.family, text: `${formatAddr(addr)}/${bits}`, loopback: isLoopback(addr) };
}

/** net.ParseCIDR + IPNet.String(): the masked network; undefined when Go would fail (1.12 skipped such entries). */
export function parsePrefixNet(s: string): Prefix | undefined {
  const slash = s.indexOf('/');
  if (slash < 0) return undefined;
  const addr = parseAddr(s.slice(0, slash));
  const bitsText = s.slice(slash + 1);
  if (!addr || s.includes('%') || !/^\d+$/.test(bitsText)) return undefined;
  let bits = Number(bitsText);
  if (bits > (addr.family === 4 ? 32 : 128)) return undefined;
  const loopback = isLoopback(addr);
  let net: Addr = { family: addr.family, bytes: mask(addr.bytes, bits) } as Addr;
  // A v4-mapped IPv6 network prints as IPv4 and counts as IPv4 (To4() != nil).
  if (net.family === 6 && isV4Mapped(net.bytes) && bits >= 96) {
    net = { family: 4, bytes: net.bytes.slice(12) };
    bits -= 96;
  }
  return { family: net.family, text: `${formatAddr(net)}/${bits}`, loopback };
}

function mask(bytes: number[], bits: number): number[] {
  return bytes.map((b, i) => {
    const keep = Math.max(0, Math.min(8, bits - i * 8));
    return b & ((0xff << (8 - keep)) & 0xff);
  });
}

function parseAddr(s: string): Addr | undefined {
  if (s.includes(':')) {
    const bytes = parseIPv6(s);
    return bytes ? { family: 6, bytes } : undefined;
  }
  const bytes = parseIPv4(s);
  return bytes ? { family: 4, bytes } : undefined;
}

function parseIPv4(s: string): number[] | undefined {
  const parts = s.split('.');
  if (parts.length !== 4) return undefined;
  const out: number[] = [];
  for (const p of parts) {
    if (!/^\d{1,3}$/.test(p) || (p.length > 1 && p[0] === '0')) return undefined;
    const n = Number(p);
    if (n > 255) return undefined;
    out.push(n);
  }
  return out;
}

function parseIPv6(s: string): number[] | undefined {
  const double = s.indexOf('::');
  if (double !== s.lastIndexOf('::') && double >= 0) return undefined;
  const groups = (text: string): number[] | undefined => {
    if (text === '') return [];
    const out: number[] = [];
    const parts = text.split(':');
    for (let i = 0; i < parts.length; i++) {
      const p = parts[i];
      if (i === parts.length - 1 && p.includes('.')) {
        const v4 = parseIPv4(p);
        if (!v4) return undefined;
        out.push((v4[0] << 8) | v4[1], (v4[2] << 8) | v4[3]);
      } else if (/^[0-9a-fA-F]{1,4}$/.test(p)) {
        out.push(parseInt(p, 16));
      } else {
        return undefined;
      }
    }
    return out;
  };
  let words: number[];
  if (double >= 0) {
    const head = groups(s.slice(0, double));
    const tail = groups(s.slice(double + 2));
    if (!head || !tail || head.length + tail.length > 7) return undefined;
    words = [...head, ...new Array<number>(8 - head.length - tail.length).fill(0), ...tail];
  } else {
    const all = groups(s);
    if (!all || all.length !== 8) return undefined;
    words = all;
  }
  return words.flatMap((w) => [w >> 8, w & 0xff]);
}

function isV4Mapped(bytes: number[]): boolean {
  return bytes.slice(0, 10).every((b) => b === 0) && bytes[10] === 0xff && bytes[11] === 0xff;
}

function isLoopback(addr: Addr): boolean {
  if (addr.family === 4) return addr.bytes[0] === 127;
  if (isV4Mapped(addr.bytes)) return addr.bytes[12] === 127;
  return addr.bytes.slice(0, 15).every((b) => b === 0) && addr.bytes[15] === 1;
}

/** Go's text for an address: dotted IPv4; RFC 5952 IPv6 (longest zero run of 2+ groups as `::`, v4-mapped dotted). */
function formatAddr(addr: Addr): string {
  if (addr.family === 4) return addr.bytes.join('.');
  if (isV4Mapped(addr.bytes)) return `::ffff:${addr.bytes.slice(12).join('.')}`;
  const words = Array.from({ length: 8 }, (_, i) => (addr.bytes[2 * i] << 8) | addr.bytes[2 * i + 1]);
  let bestStart = -1;
  let bestLen = 1;
  for (let i = 0; i < 8;) {
    if (words[i] !== 0) { i++; continue; }
    let j = i;
    while (j < 8 && words[j] === 0) j++;
    if (j - i > bestLen) { bestStart = i; bestLen = j - i; }
    i = j;
  }
  const hex = (ws: number[]) => ws.map((w) => w.toString(16)).join(':');
  if (bestStart < 0) return hex(words);
  return `${hex(words.slice(0, bestStart))}::${hex(words.slice(bestStart + bestLen))}`;
}
