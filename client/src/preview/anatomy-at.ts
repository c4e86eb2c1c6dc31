/**
 * Which section of a preview's sidecar anatomy (PreviewResult.anatomy) belongs to the istio-proxy container named on
 * the line at an offset of the injected text (the `- name: istio-proxy` line only, as the server's own hover in YAML
 * files: the container's other hundred lines stay quiet while the diff is read). The section is matched by the
 * workload's title ("Deployment `shop/web`"), the way the server names it. No `vscode` import.
 */
import type { Document, YAMLMap } from 'yaml';
import { yamlLibrary } from '../lazy-libraries';

export interface AnatomyHover {
  markdown: string;
  /** The span of the container's `name: istio-proxy` (the hover's range). */
  start: number;
  end: number;
}

/** The server joins the workloads' sections with a horizontal rule. */
const SECTION_SEPARATOR = '\n\n---\n\n';

export function anatomyAt(text: string, offset: number, anatomy: string): AnatomyHover | undefined {
  const { isMap, visit } = yamlLibrary();
  const doc = documentAt(text, offset);
  if (!doc) return undefined;
  let found: AnatomyHover | undefined;
  visit(doc, {
    Map(_, node, path) {
      const name = isProxyContainer(node, path) ? nameSpan(node) : undefined;
      if (!name || offset < lineStart(text, name.start) || offset > name.end) return undefined;
      const owner = [...path].reverse().find((p): p is YAMLMap => isMap(p) && typeof p.get('kind') === 'string');
      const markdown = owner && sectionOf(anatomy, titleOf(owner));
      if (markdown) found = { markdown, ...name };
      return visit.BREAK;
    },
  });
  return found;
}

function documentAt(text: string, offset: number): Document | undefined {
  const parsed = yamlLibrary().parseAllDocuments(text);
  const docs = Array.isArray(parsed) ? parsed : [];
  let doc = docs[0];
  for (const d of docs) if (d.range[0] <= offset) doc = d;
  return doc;
}

/** A `name: istio-proxy` item of a `containers` or `initContainers` list. */
function isProxyContainer(node: YAMLMap, path: readonly unknown[]): boolean {
  if (node.get('name') !== 'istio-proxy') return false;
  const { isPair, isScalar, isSeq } = yamlLibrary();
  const seq = path[path.length - 1];
  const pair = path[path.length - 2];
  return isSeq(seq) && isPair(pair) && isScalar(pair.key) && (pair.key.value === 'containers' || pair.key.value === 'initContainers');
}

/** From the `name` key to the end of its value. */
function nameSpan(container: YAMLMap): { start: number; end: number } | undefined {
  const { isScalar } = yamlLibrary();
  const pair = container.items.find((p) => isScalar(p.key) && p.key.value === 'name');
  const start = isScalar(pair?.key) ? pair.key.range?.[0] : undefined;
  const end = isScalar(pair?.value) ? pair.value.range?.[1] : undefined;
  return start === undefined || end === undefined ? undefined : { start, end };
}

function lineStart(text: string, offset: number): number {
  return text.lastIndexOf('\n', offset - 1) + 1;
}

/** "Deployment `shop/web`", as the server titles a workload's section. */
function titleOf(obj: YAMLMap): string {
  const name = obj.getIn(['metadata', 'name']);
  const namespace = obj.getIn(['metadata', 'namespace']);
  const ns = typeof namespace === 'string' && namespace ? `${namespace}/` : '';
  return `${String(obj.get('kind'))}${typeof name === 'string' && name ? ` \`${ns}${name}\`` : ''}`;
}

function sectionOf(anatomy: string, title: string): string | undefined {
  const head = `**Sidecar anatomy** of ${title}:`;
  return anatomy.split(SECTION_SEPARATOR).find((s) => s.startsWith(head));
}
