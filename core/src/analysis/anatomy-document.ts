/** The sidecar anatomy of every injected pod of one object (a List: each item's), as one markdown text. */
import { isObject, type JsonObject } from '../inject/json-access';
import type { InjectionSettings, KubeObject } from '../inject/types';
import { podTemplateLocation } from '../manifest/kinds';
import { sidecarAnatomy } from './anatomy';
import { anatomyMarkdown } from './anatomy-markdown';
import { objAtPath } from './context';

/** Markdown sections, one per pod that has an istio-proxy container; [] when none has. */
export function anatomyOfObject(obj: KubeObject, settings: InjectionSettings): string[] {
  if (obj.kind === 'List') return (Array.isArray(obj.items) ? obj.items : []).filter(isObject).flatMap((item) => anatomyOfObject(item, settings));
  const location = podTemplateLocation(String(obj.kind));
  if (!location) return [];
  const pod = objAtPath(obj, location.path);
  const section = pod && anatomyOfPod(pod, settings, titleOf(obj));
  return section ? [section] : [];
}

/** The anatomy of one pod (an object with `metadata` and `spec`), or undefined without istio-proxy. */
export function anatomyOfPod(pod: JsonObject, settings: InjectionSettings, title = ''): string | undefined {
  const spec = isObject(pod.spec) ? pod.spec : {};
  const metadata = isObject(pod.metadata) ? pod.metadata : {};
  const anatomy = sidecarAnatomy(spec, metadata, settings);
  return anatomy && anatomyMarkdown(anatomy, title);
}

function titleOf(obj: KubeObject): string {
  const meta = isObject(obj.metadata) ? obj.metadata : {};
  const name = typeof meta.name === 'string' ? meta.name : '';
  const namespace = typeof meta.namespace === 'string' && meta.namespace ? `${meta.namespace}/` : '';
  return `${String(obj.kind)}${name ? ` \`${namespace}${name}\`` : ''}`;
}
