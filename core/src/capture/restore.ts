/** istio-iptables' iptables-restore (and ip6tables-restore) input for a config, on either release line. */
import type { CaptureConfig, RulesLine } from './config';
import { renderRestore } from './rule-builder';
import { build112Rules } from './rules-1-12';
import { buildCurrentRules } from './rules-current';

/** The restore inputs: `ipv6` only when istio-iptables would run ip6tables-restore with rules. */
export interface RestoreInputs {
  ipv4: string;
  ipv6?: string;
}

/** Renders the rules of `line` for `cfg`. Throws istio-iptables' error when it would refuse the config. */
export function restoreInputs(cfg: CaptureConfig, line: RulesLine = 'current'): RestoreInputs {
  const builder = line === '1.12' ? build112Rules(cfg) : buildCurrentRules(cfg);
  const current = line === 'current';
  const ipv4 = renderRestore(builder.v4, current);
  return cfg.enableIPv6 ? { ipv4, ipv6: renderRestore(builder.v6, current) } : { ipv4 };
}
