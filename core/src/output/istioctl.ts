/**
 * One document of `istioctl kube-inject` output. istioctl decodes each document of the kinds it knows into the Go
 * struct, injects, and prints the struct with sigs.k8s.io/yaml (JSON of the typed object, then YAML with sorted
 * keys), followed by `---\n`. Documents of other kinds are echoed byte for byte, also followed by `---\n`.
 * Inside a v1 List, items of known kinds are printed typed and the others as their JSON.
 */
import { rootTypeFor } from '../k8s/schema';
import { toTypedJson } from '../k8s/typed-json';
import { marshalGoYaml } from './go-yaml';

/** The separator istioctl writes after every document, including the last. */
export const ISTIOCTL_SEPARATOR = '---\n';

/**
 * `obj` as istioctl prints it, followed by `---\n`. For an object istioctl does not decode (see `isTypedByIstioctl`),
 * `raw` — the document's original text — is echoed; without it the object is printed as plain YAML.
 * Throws TypedDecodeError when a field holds a value Go's decoder rejects.
 */
export function printIstioctl(obj: Record<string, unknown>, raw?: string): string {
  return printIstioctlBody(obj, raw) + ISTIOCTL_SEPARATOR;
}

/** The same text without the trailing separator. */
export function printIstioctlBody(obj: Record<string, unknown>, raw?: string): string {
  const root = typedRoot(obj);
  if (root === undefined) return raw ?? marshalGoYaml(obj);
  return marshalGoYaml(toTypedJson(root, obj));
}

/**
 * True when istioctl decodes `obj` into a Go type (and so prints it in canonical form). Like istioctl's scheme,
 * which registers its kinds as unversioned, this looks at the kind only.
 */
export function isTypedByIstioctl(obj: unknown): boolean {
  return typeof obj === 'object' && obj !== null && !Array.isArray(obj) && typedRoot(obj as Record<string, unknown>) !== undefined;
}

function typedRoot(obj: Record<string, unknown>): string | undefined {
  const kind = obj.kind;
  if (typeof kind !== 'string') return undefined;
  return rootTypeFor(typeof obj.apiVersion === 'string' ? obj.apiVersion : '', kind);
}
