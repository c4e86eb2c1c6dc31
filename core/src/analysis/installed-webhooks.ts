/**
 * The MutatingWebhookConfiguration an Istio install creates for one revision (the istiod chart's selectors only),
 * so "would the webhook inject?" has an answer before any cluster is connected.
 */
import type { JsonObject } from '../inject/json-access';

const REV = 'istio.io/rev';
const INJECTION = 'istio-injection';
const INJECT = 'sidecar.istio.io/inject';
const METADATA_NAME = 'kubernetes.io/metadata.name';

/**
 * The chart's webhook configuration for `revision` ("" = the default install): the revision's namespace and object
 * webhooks and, for the default install, the `istio-injection` ones (plus the all-namespaces one when
 * `sidecarInjectorWebhook.enableNamespacesByDefault` is set).
 */
export function installedWebhookConfiguration(revision: string, enableNamespacesByDefault = false, ignoredNamespaces: readonly string[] = []): JsonObject {
  const rev = revision || 'default';
  const notDisabled = { key: INJECT, operator: 'NotIn', values: ['false'] };
  const noLabel = (key: string) => ({ key, operator: 'DoesNotExist' });
  const hook = (prefix: string, namespace: unknown[], object: unknown[]) => ({
    name: `${prefix}sidecar-injector.istio.io`,
    namespaceSelector: { matchExpressions: namespace },
    objectSelector: { matchExpressions: object },
  });
  const webhooks = [
    hook('rev.namespace.', [{ key: REV, operator: 'In', values: [rev] }, noLabel(INJECTION)], [notDisabled]),
    hook('rev.object.', [noLabel(REV), noLabel(INJECTION)], [notDisabled, { key: REV, operator: 'In', values: [rev] }]),
  ];
  if (revision === '') {
    webhooks.push(
      hook('namespace.', [{ key: INJECTION, operator: 'In', values: ['enabled'] }], [notDisabled]),
      hook('object.', [noLabel(INJECTION), noLabel(REV)], [{ key: INJECT, operator: 'In', values: ['true'] }, noLabel(REV)]),
    );
    if (enableNamespacesByDefault) {
      webhooks.push(hook('auto.',
        [noLabel(INJECTION), noLabel(REV), { key: METADATA_NAME, operator: 'NotIn', values: [...ignoredNamespaces] }],
        [noLabel(INJECT), noLabel(REV)]));
    }
  }
  return {
    apiVersion: 'admissionregistration.k8s.io/v1',
    kind: 'MutatingWebhookConfiguration',
    metadata: { name: `istio-sidecar-injector${revision ? `-${revision}` : ''}`, labels: { [REV]: rev } },
    webhooks,
  };
}
