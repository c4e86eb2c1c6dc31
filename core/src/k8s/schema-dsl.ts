import type { FieldSpec, StructSpec } from './schema-types';

/**
 * Builds StructSpecs from the compact notation of the schema data files: one string per field,
 * `"<json> <GoName> <type> [omitempty] [omitzero] [inline] [mergeKey=k] [patchStrategy=s]"`, where json `-`
 * stands for the empty name of an embedded (inline) struct.
 */
export function defineStructs(table: Record<string, readonly string[]>): StructSpec[] {
  return Object.entries(table).map(([name, lines]) => ({ name, fields: lines.map((l) => parseField(name, l)) }));
}

function parseField(struct: string, line: string): FieldSpec {
  const [json, go, type, ...flags] = line.split(' ');
  if (!json || !go || !type) throw new Error(`schema ${struct}: malformed field "${line}"`);
  const field: FieldSpec = { json: json === '-' ? '' : json, go, type };
  for (const flag of flags) {
    const eq = flag.indexOf('=');
    const key = eq < 0 ? flag : flag.slice(0, eq);
    const value = flag.slice(eq + 1);
    if (key === 'omitempty') field.omitempty = true;
    else if (key === 'omitzero') field.omitzero = true;
    else if (key === 'inline') field.inline = true;
    else if (key === 'mergeKey') field.mergeKey = value;
    else if (key === 'patchStrategy') field.patchStrategy = value;
    else throw new Error(`schema ${struct}: unknown flag "${flag}"`);
  }
  return field;
}
