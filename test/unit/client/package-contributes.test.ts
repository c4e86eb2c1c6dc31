/** package.json's contributions match the code: the same command ids, menus naming only those, settings the Config reads. */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { COMMAND_IDS } from '../../../client/src/commands/ids';
import { DEFAULT_CLIENT_SETTINGS } from '../../../client/src/settings-model';

interface Manifest {
  main: string;
  activationEvents: string[];
  contributes: {
    commands: { command: string; title: string; category?: string }[];
    menus: Record<string, { command: string; when?: string }[]>;
    configuration: { properties: Record<string, { default?: unknown }> };
  };
  capabilities: { untrustedWorkspaces: { supported: string; restrictedConfigurations: string[] } };
}

function manifest(): Manifest {
  for (let dir = __dirname; dir !== path.dirname(dir); dir = path.dirname(dir)) {
    const file = path.join(dir, 'package.json');
    if (fs.existsSync(path.join(dir, 'l10n'))) return JSON.parse(fs.readFileSync(file, 'utf8')) as Manifest;
  }
  throw new Error('package.json not found');
}

const pkg = manifest();
const ours = (id: string): boolean => id.startsWith('istioInject.');

test('the extension entry point and activation', () => {
  assert.equal(pkg.main, './dist/extension.js');
  assert.ok(pkg.activationEvents.includes('onLanguage:yaml'));
});

test('every command the extension registers is contributed with a localised title, and no other istioInject command of ours is missing', () => {
  const contributed = pkg.contributes.commands.map((c) => c.command).filter(ours);
  for (const id of Object.values(COMMAND_IDS)) assert.ok(contributed.includes(id), `${id} contributed`);
  for (const c of pkg.contributes.commands.filter((c) => Object.values(COMMAND_IDS).includes(c.command as never))) {
    assert.match(c.title, /^%command\.[A-Za-z]+%$/, `${c.command} has an nls title`);
  }
});

test('menus name contributed commands only, with editorLangId `when` clauses', () => {
  const contributed = new Set(pkg.contributes.commands.map((c) => c.command));
  for (const [menu, entries] of Object.entries(pkg.contributes.menus)) {
    for (const e of entries.filter((x) => Object.values(COMMAND_IDS).includes(x.command as never))) {
      assert.ok(contributed.has(e.command), `${menu}: ${e.command}`);
      assert.match(e.when ?? '', /editorLangId == yaml/, `${menu}: ${e.command} when`);
    }
  }
});

test('every setting the Config reads is contributed under istioInject, defaults agreeing', () => {
  const props = pkg.contributes.configuration.properties;
  for (const [key, value] of Object.entries(DEFAULT_CLIENT_SETTINGS)) {
    const prop = props[`istioInject.${key}`];
    assert.ok(prop, `istioInject.${key} contributed`);
    assert.deepEqual(prop.default, value, `default of istioInject.${key}`);
  }
});

test('untrusted workspaces: limited, and the settings that read files or a cluster are restricted', () => {
  assert.equal(pkg.capabilities.untrustedWorkspaces.supported, 'limited');
  for (const key of ['configSource', 'injectConfigFile', 'meshConfigFile', 'valuesFile']) {
    assert.ok(pkg.capabilities.untrustedWorkspaces.restrictedConfigurations.includes(`istioInject.${key}`), key);
  }
});
