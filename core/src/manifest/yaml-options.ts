/**
 * How manifests are read and written: the YAML dialect Kubernetes tools accept.
 *
 * kubectl and istioctl read YAML through sigs.k8s.io/yaml (go-yaml v2), which follows YAML 1.1 for plain scalars:
 * `yes`/`on`/`y` are booleans, `0777` is octal, `<<` merges. It does not turn timestamps, `1:20` (base 60) or
 * `!!binary` into anything but strings, so those tags of yaml's 1.1 schema are left out: every value stays JSON.
 */
import type { CreateNodeOptions, DocumentOptions, ParseOptions, SchemaOptions, ToStringOptions, Tags } from 'yaml';

const NOT_JSON_TAGS = new Set([
  'tag:yaml.org,2002:timestamp',
  'tag:yaml.org,2002:binary',
  'tag:yaml.org,2002:omap',
  'tag:yaml.org,2002:pairs',
  'tag:yaml.org,2002:set',
]);

function kubernetesTags(tags: Tags): Tags {
  return tags.filter((tag) => {
    const { tag: name, format } = tag as { tag: string; format?: string };
    return !NOT_JSON_TAGS.has(name) && format !== 'TIME';
  });
}

export type YamlOptions = ParseOptions & DocumentOptions & SchemaOptions;

/** Options for parsing manifest text (parseAllDocuments / parseDocument). */
export const MANIFEST_PARSE_OPTIONS: YamlOptions = {
  version: '1.1',
  customTags: kubernetesTags,
  prettyErrors: false,
  // A library must not write to the console: problems are returned, not logged.
  logLevel: 'error',
  // go-yaml v2 accepts repeated keys (the last one wins), and so does istioctl.
  uniqueKeys: false,
};

/** Options for writing new YAML text that reads back, under MANIFEST_PARSE_OPTIONS, as the same value. */
export function manifestStringifyOptions(indent: number, indentSeq: boolean): YamlOptions & CreateNodeOptions & ToStringOptions {
  return {
    version: '1.1',
    customTags: kubernetesTags,
    indent,
    indentSeq,
    lineWidth: 0,
    minContentWidth: 0,
    aliasDuplicateObjects: false,
  };
}
