/**
 * Injector ConfigMaps, values and mesh config of the wrong shape. Loading throws an Error with Istio's wording
 * (settingsFromSources documents that); values that load but do not fit the templates fail the document. Nothing
 * crashes and nothing takes long.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { createInjector, injectText, settingsFromConfigMaps, settingsFromSources } from '../../../core/src/index';
import { BOUND_MS, POD, thrown, within } from './helpers';

const CONFIG = 'failed to unmarshal injection template: error unmarshaling JSON: while decoding JSON: json: cannot unmarshal';
const VALUES = 'could not parse configuration values:';

test('injector config: a list, a list of templates, a number for the policy', () => {
  assert.equal(within(BOUND_MS, () => thrown(() => settingsFromConfigMaps({ injectorConfig: '- a\n- b\n' }))), `${CONFIG} array into Go value of type inject.Config`);
  assert.equal(thrown(() => settingsFromConfigMaps({ injectorConfig: 'templates: [a, b]\n' })), `${CONFIG} array into Go struct field Config.templates of type map[string]string`);
  assert.equal(thrown(() => settingsFromConfigMaps({ injectorConfig: 'policy: {a: 1}\n' })), `${CONFIG} object into Go struct field Config.policy of type inject.InjectionPolicy`);
  assert.equal(thrown(() => settingsFromConfigMaps({ injectorConfig: 'neverInjectSelector: {a: b}\n' })), `${CONFIG} object into Go struct field Config.neverInjectSelector of type []v1.LabelSelector`);
});

test('injector config: numbers and booleans in string fields are read as their text, as Go reads them', () => {
  const settings = settingsFromConfigMaps({ injectorConfig: 'policy: 5\ntemplates:\n  sidecar: 12\ninjectedAnnotations: {a: true, b: 1.5}\n' });
  assert.equal(settings.config.policy, '5');
  assert.deepEqual(settings.config.templates, { sidecar: '12' });
  assert.deepEqual(settings.config.injectedAnnotations, { a: 'true', b: '1.5' });
});

test('values: not JSON or YAML, a list, a string', () => {
  assert.equal(
    within(BOUND_MS, () => thrown(() => settingsFromConfigMaps({ values: '{"global": [' }))),
    `${VALUES} error converting YAML to JSON: yaml: line 1: flow sequence in block collection must be sufficiently indented and end with a ]`,
  );
  assert.equal(thrown(() => settingsFromConfigMaps({ values: '[1, 2]' })), `${VALUES} error unmarshaling JSON: while decoding JSON: json: cannot unmarshal array into Go value of type map[string]interface {}`);
  assert.equal(thrown(() => settingsFromConfigMaps({ values: '"global"' })), `${VALUES} error unmarshaling JSON: while decoding JSON: json: cannot unmarshal string into Go value of type map[string]interface {}`);
});

test('values of the wrong type inside: the template fails the document, naming the field', () => {
  const inject = (values: string) => within(BOUND_MS, () => injectText(POD, createInjector(settingsFromConfigMaps({ values })))).errors;
  assert.deepEqual(inject('{"global": [1, 2]}'), [
    'document 1, line 1: failed to run injection template: template: inject:192:21: executing "inject" at <.Values.global.proxy>: can\'t evaluate field proxy in type interface {}',
  ]);
  assert.deepEqual(inject('{"global": {"proxy": "x"}}'), [
    'document 1, line 1: failed to run injection template: template: inject:196:91: executing "inject" at <$proxy.capNetBindService>: can\'t evaluate field capNetBindService in type string',
  ]);
});

test('values with a string where the template writes a bool: the patched pod fails to decode, naming the field', () => {
  const values = structuredClone(settingsFromSources().values) as { global: { proxy: Record<string, unknown> } };
  values.global.proxy.privileged = 'sometimes';
  const errors = within(BOUND_MS, () => injectText(POD, createInjector(settingsFromConfigMaps({ values: JSON.stringify(values) })))).errors;
  assert.deepEqual(errors, [
    'document 1, line 1: failed to run injection template: failed applying injection overlay: unmarshal patched pod: json: cannot unmarshal string into Go struct field Pod.spec.initContainers.securityContext.privileged of type bool',
  ]);
});

test('mesh config: a list, a list for defaultConfig, a word for a number, binary', () => {
  const mesh = (text: string) => within(BOUND_MS, () => thrown(() => settingsFromConfigMaps({ mesh: text })));
  const proto = (detail: string) => `1 error occurred:\n\t* failed to convert to proto. ${detail}\n\n`;
  assert.equal(mesh('- a'), proto('json: cannot unmarshal array into Go value of type map[string]json.RawMessage'));
  assert.equal(mesh('defaultConfig: [1]'), proto('json: cannot unmarshal array into Go value of type map[string]json.RawMessage'));
  assert.equal(mesh('defaultConfig:\n  concurrency: "two"\n'), proto("invalid character 't' looking for beginning of value"));
  assert.equal(mesh('\u0000\u0001'), proto('json: cannot unmarshal string into Go value of type map[string]json.RawMessage'));
});
