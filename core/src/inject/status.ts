/** The `sidecar.istio.io/status` annotation: what injection added, so re-injection and removal can undo it. */
import { AS_BUILT, goJsonMarshal } from '../go/json';
import { JsonObject, arrAt, isObject, strAt } from './json-access';

export const STATUS_ANNOTATION = 'sidecar.istio.io/status';

export interface InjectionStatus {
  initContainers: string[] | null;
  containers: string[] | null;
  volumes: string[] | null;
  imagePullSecrets: string[] | null;
  revision: string;
}

function names(list: unknown[]): string[] | null {
  return list.length === 0 ? null : list.map((x) => strAt(x, 'name'));
}

/** The annotation value for a rendered template pod spec: the names it injects (Go writes empty lists as null). */
export function injectionStatusValue(templateSpec: JsonObject, revision: string): string {
  const status: InjectionStatus = {
    initContainers: names(arrAt(templateSpec, 'initContainers')),
    containers: names(arrAt(templateSpec, 'containers')),
    volumes: names(arrAt(templateSpec, 'volumes')),
    imagePullSecrets: names(arrAt(templateSpec, 'imagePullSecrets')),
    revision: revision === '' ? 'default' : revision,
  };
  return goJsonMarshal(status, AS_BUILT);
}

/** Decodes a status annotation value; undefined when it is not valid for Istio's typed decode. */
export function parseInjectionStatus(value: string | undefined): InjectionStatus | undefined {
  if (value === undefined) return undefined;
  let raw: unknown;
  try {
    raw = JSON.parse(value);
  } catch {
    return undefined;
  }
  if (raw === null) return { initContainers: null, containers: null, volumes: null, imagePullSecrets: null, revision: '' };
  if (!isObject(raw)) return undefined;
  const list = (k: string): string[] | null | false => {
    const v = raw[k];
    if (v === undefined || v === null) return null;
    if (!Array.isArray(v) || !v.every((x) => typeof x === 'string' || x === null)) return false;
    return v.map((x) => (typeof x === 'string' ? x : ''));
  };
  const init = list('initContainers');
  const containers = list('containers');
  const volumes = list('volumes');
  const secrets = list('imagePullSecrets');
  if (init === false || containers === false || volumes === false || secrets === false) return undefined;
  const rev = raw.revision;
  if (rev !== undefined && rev !== null && typeof rev !== 'string') return undefined;
  return { initContainers: init, containers, volumes, imagePullSecrets: secrets, revision: rev ?? '' };
}
