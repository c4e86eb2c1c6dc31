/**
 * Byte-exact against istio-iptables' own golden cases (master): each golden is the command log of one run, so we
 * rebuild that log around our restore inputs (the iptables-save probes before and after) and compare whole files.
 */
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { defaultCaptureConfig, type CaptureConfig } from '../../../core/src/capture/config';
import { restoreInputs } from '../../../core/src/capture/restore';
import { MISSING_REFERENCE, readReference, referenceAvailable } from '../../conformance/reference';

interface GoldenCase {
  name: string;
  golden: string;
  config: Record<string, unknown>;
}

/** Istio's Go field names → ours (camelCase; acronyms as Istio spells them). */
function fieldName(go: string): keyof CaptureConfig {
  const special: Record<string, keyof CaptureConfig> = {
    DNSServersV4: 'dnsServersV4', DNSServersV6: 'dnsServersV6', ProxyUID: 'proxyUID', ProxyGID: 'proxyGID',
    EnableIPv6: 'enableIPv6', RedirectDNS: 'redirectDNS', DropInvalid: 'dropInvalid',
  };
  return special[go] ?? ((go[0].toLowerCase() + go.slice(1)) as keyof CaptureConfig);
}

function configFor(base: Record<string, unknown>, overrides: Record<string, unknown>): CaptureConfig {
  const cfg = defaultCaptureConfig() as unknown as Record<string, unknown>;
  for (const [k, v] of Object.entries({ ...base, ...overrides })) {
    if (k === 'DryRun') continue; // dry-run only swaps the executor
    const name = fieldName(k);
    assert.ok(name in cfg, `unknown config field ${k}`);
    cfg[name] = v;
  }
  return cfg as unknown as CaptureConfig;
}

/**
 * cases.json gives the case "empty" the config of Istio's "kube-virt-interfaces" case (run_test.go: "empty" sets
 * nothing; "kube-virt-interfaces" sets RerouteVirtualInterfaces=eth1,eth2 and OutboundIPRangesInclude=*), and has no
 * entry for kube-virt-interfaces.golden. Both goldens are checked with the configs Istio's test really uses.
 */
function withCorrections(cases: GoldenCase[]): GoldenCase[] {
  const out = cases.map((c) => (c.name === 'empty' ? { ...c, config: {} } : c));
  const empty = cases.find((c) => c.name === 'empty');
  if (empty && !cases.some((c) => c.name === 'kube-virt-interfaces')) {
    out.push({ name: 'kube-virt-interfaces', golden: 'kube-virt-interfaces.golden', config: empty.config });
  }
  return out;
}

test('istio-iptables golden cases (master), byte for byte', async (t) => {
  if (!referenceAvailable()) return t.skip(MISSING_REFERENCE);
  const spec = JSON.parse(readReference('iptables/cases.json')) as { base: Record<string, unknown>; cases: GoldenCase[] };
  const cases = withCorrections(spec.cases);
  assert.equal(cases.length, spec.cases.length + 1);
  for (const c of cases) {
    await t.test(c.name, () => {
      const cfg = configFor(spec.base, c.config);
      const r = restoreInputs(cfg, 'current');
      const log = 'iptables-save\nip6tables-save\n' + r.ipv4 + (r.ipv6 ?? '') + 'iptables-save\n' + (cfg.enableIPv6 ? 'ip6tables-save\n' : '');
      assert.equal(log, readReference(`iptables/${c.golden}`).replace(/\n?$/, '\n'));
    });
  }
  t.diagnostic(`${cases.length} golden files checked`);
});
