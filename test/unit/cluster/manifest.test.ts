// package.json's cluster contributions agree with the code: every command is contributed, every `viewItem` a menu
// compares with is a real contextValue token, and every pod/container/namespace state has its actions.
import assert from 'node:assert/strict';
import { existsSync, readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { test } from 'node:test';
import { CLUSTER_COMMAND_IDS, CLUSTER_VIEW_CONTAINER_ID, CLUSTER_VIEW_ID } from '../../../client/src/cluster/command-ids';
import { CONTEXT } from '../../../client/src/cluster/context-values';
import { ALLOWED } from '../packaging/shipped-files';

interface Menu { command: string; when?: string; group?: string }
/** The repository root: the first folder upwards with a package.json (works from test/ and from out/test/). */
function root(dir = __dirname): string {
  while (!existsSync(join(dir, 'package.json'))) dir = dirname(dir);
  return dir;
}
const pkg = JSON.parse(readFileSync(join(root(), 'package.json'), 'utf8')) as {
  contributes: { commands: { command: string }[]; views: Record<string, { id: string }[]>; viewsContainers: { activitybar: { id: string }[] }; menus: Record<string, Menu[]> };
};
const tokens = new Set<string>();
const walk = (o: object) => Object.values(o).forEach((v) => (typeof v === 'string' ? tokens.add(v) : walk(v)));
walk(CONTEXT);

const itemMenus = pkg.contributes.menus['view/item/context'] ?? [];
const viewItems = (m: Menu) => [...(m.when ?? '').matchAll(/viewItem\s*[!=]=\s*([\w.]+)/g)].map((x) => x[1]!);
const shownFor = (command: string, token: string) => itemMenus.some((m) => m.command === command && viewItems(m).includes(token) && !(m.when ?? '').includes(`viewItem != ${token}`));

test('the Istio activity-bar container holds the cluster view', () => {
  assert.ok(pkg.contributes.viewsContainers.activitybar.some((c) => c.id === CLUSTER_VIEW_CONTAINER_ID));
  assert.ok(pkg.contributes.views[CLUSTER_VIEW_CONTAINER_ID]?.some((v) => v.id === CLUSTER_VIEW_ID));
});

test('every cluster command is contributed', () => {
  const contributed = new Set(pkg.contributes.commands.map((c) => c.command));
  for (const id of Object.values(CLUSTER_COMMAND_IDS)) assert.ok(contributed.has(id), id);
});

test('menus compare viewItem only with real tokens, exactly (no regex)', () => {
  for (const m of itemMenus.filter((x) => x.command.startsWith('istioInject.cluster.'))) {
    assert.doesNotMatch(m.when ?? '', /=~/, `${m.command} uses a regex`);
    for (const t of viewItems(m)) assert.ok(tokens.has(t), `${m.command}: unknown token ${t}`);
  }
});

test('each state has its actions', () => {
  for (const t of [CONTEXT.namespace.none, CONTEXT.namespace.disabled, CONTEXT.namespace.conflict]) assert.ok(shownFor(CLUSTER_COMMAND_IDS.enableInjection, t), t);
  for (const t of [CONTEXT.namespace.enabled, CONTEXT.namespace.revision, CONTEXT.namespace.conflict]) assert.ok(shownFor(CLUSTER_COMMAND_IDS.disableInjection, t), t);
  assert.ok(!shownFor(CLUSTER_COMMAND_IDS.enableInjection, CONTEXT.namespace.enabled));
  for (const t of Object.values(CONTEXT.pod)) {
    for (const c of [CLUSTER_COMMAND_IDS.restartWorkload, CLUSTER_COMMAND_IDS.showLogs, CLUSTER_COMMAND_IDS.showContainerLogs, CLUSTER_COMMAND_IDS.openPodYaml, CLUSTER_COMMAND_IDS.previewOwnerInjection]) assert.ok(shownFor(c, t), `${c} on ${t}`);
  }
  for (const t of Object.values(CONTEXT.container)) assert.ok(shownFor(CLUSTER_COMMAND_IDS.showLogs, t), t);
  assert.ok(shownFor(CLUSTER_COMMAND_IDS.retry, CONTEXT.messageRetry));
});

test('the activity-bar icon the view contributes exists and is one of the shipped files', () => {
  const icons = [
    ...pkg.contributes.viewsContainers.activitybar.filter((c) => c.id === CLUSTER_VIEW_CONTAINER_ID),
    ...(pkg.contributes.views[CLUSTER_VIEW_CONTAINER_ID] ?? []),
  ].map((c) => (c as { icon?: string }).icon);
  assert.ok(icons.length >= 2);
  for (const icon of icons) {
    assert.ok(icon, 'an icon is set');
    assert.match(readFileSync(join(root(), icon), 'utf8'), /^<svg [^>]*viewBox=/, `${icon} is an SVG`);
    assert.ok(ALLOWED.some((re) => re.test(icon)), `${icon} is allowed in the .vsix`);
    assert.match(readFileSync(join(root(), '.vscodeignore'), 'utf8'), new RegExp(`^!${icon.replace(/[.*]/g, '\\$&')}$`, 'm'), `.vscodeignore lets ${icon} in`);
  }
});
