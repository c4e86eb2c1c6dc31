import assert from 'node:assert/strict';
import * as path from 'node:path';
import { test } from 'node:test';
import { registry, scopesOf, SYNTAXES, tokenize } from './textmate';

const SAMPLE = `# Deployment/web
* nat
:ISTIO_INBOUND - [0:0]
:PREROUTING ACCEPT [12:720]
-N ISTIO_REDIRECT
-A ISTIO_REDIRECT -p tcp -j REDIRECT --to-ports 15001
-A ISTIO_OUTPUT -o lo ! -d 127.0.0.1/32 -p tcp -m multiport ! --dports 53,15008 -m owner --uid-owner 1337 -j ISTIO_IN_REDIRECT
-I ISTIO_INBOUND 2 -p tcp -s ::6/128 -i lo -j RETURN
-A ISTIO_TPROXY ! -d ::1/128 -p tcp -j TPROXY --tproxy-mark 1337/0xffffffff --on-port 15006
-A ISTIO_INBOUND -p tcp -m conntrack --ctstate RELATED,ESTABLISHED -j ISTIO_DIVERT
-A ISTIO_OUTPUT -d 2001:db8::/32 -j RETURN
COMMIT`;

test('iptables grammar: tables, chains, commands, targets, ports, addresses, COMMIT, comments', async () => {
  const g = await registry({ 'source.istio-iptables': path.join(SYNTAXES, 'iptables.tmLanguage.json') }).loadGrammar('source.istio-iptables');
  assert.ok(g);
  const [comment, table, decl, decl2, newChain, redirect, owner, insert, tproxy, ctstate, v6range, commit] = tokenize(g, SAMPLE);
  const has = (scopes: string[], scope: string) => assert.ok(scopes.includes(scope), `${scope} not in ${scopes.join(' ')}`);

  has(scopesOf(comment, '# Deployment/web'.slice(1)), 'comment.line.number-sign.istio-iptables');
  has(scopesOf(table, 'nat'), 'entity.name.type.table.istio-iptables');
  has(scopesOf(table, '*'), 'keyword.other.table.istio-iptables');
  has(scopesOf(decl, 'ISTIO_INBOUND'), 'entity.name.function.chain.istio-iptables');
  has(scopesOf(decl, '-'), 'constant.language.policy.istio-iptables');
  has(scopesOf(decl2, 'ACCEPT'), 'constant.language.policy.istio-iptables');
  has(scopesOf(decl2, '720'), 'constant.numeric.counter.istio-iptables');
  has(scopesOf(newChain, '-N'), 'keyword.control.command.istio-iptables');
  has(scopesOf(newChain, 'ISTIO_REDIRECT'), 'entity.name.function.chain.istio-iptables');
  has(scopesOf(redirect, '-A'), 'keyword.control.command.istio-iptables');
  has(scopesOf(redirect, 'tcp'), 'constant.language.protocol.istio-iptables');
  has(scopesOf(redirect, 'REDIRECT'), 'support.function.target.istio-iptables');
  has(scopesOf(redirect, '15001'), 'constant.numeric.port.istio-iptables');
  has(scopesOf(owner, '127.0.0.1/32'), 'constant.other.address.ipv4.istio-iptables');
  has(scopesOf(owner, '!'), 'keyword.operator.negation.istio-iptables');
  has(scopesOf(owner, 'lo'), 'variable.other.interface.istio-iptables');
  has(scopesOf(owner, 'multiport'), 'support.type.module.istio-iptables');
  has(scopesOf(owner, '53,15008'), 'constant.numeric.port.istio-iptables');
  has(scopesOf(owner, '--uid-owner'), 'variable.parameter.option.istio-iptables');
  has(scopesOf(owner, '1337'), 'constant.numeric.istio-iptables');
  has(scopesOf(owner, 'ISTIO_IN_REDIRECT'), 'entity.name.function.chain.istio-iptables');
  has(scopesOf(insert, '2'), 'constant.numeric.position.istio-iptables');
  has(scopesOf(insert, '::6/128'), 'constant.other.address.ipv6.istio-iptables');
  has(scopesOf(insert, 'RETURN'), 'support.function.target.istio-iptables');
  has(scopesOf(tproxy, '::1/128'), 'constant.other.address.ipv6.istio-iptables');
  has(scopesOf(tproxy, 'TPROXY'), 'support.function.target.istio-iptables');
  has(scopesOf(tproxy, '1337/0xffffffff'), 'constant.numeric.istio-iptables');
  has(scopesOf(tproxy, '15006'), 'constant.numeric.port.istio-iptables');
  has(scopesOf(ctstate, 'RELATED,ESTABLISHED'), 'constant.language.ctstate.istio-iptables');
  has(scopesOf(ctstate, 'ISTIO_DIVERT'), 'entity.name.function.chain.istio-iptables');
  has(scopesOf(v6range, '2001:db8::/32'), 'constant.other.address.ipv6.istio-iptables');
  has(scopesOf(commit, 'COMMIT'), 'keyword.control.commit.istio-iptables');
});
