// Server-side printing: `kubectl get` asks for `as=Table` and prints the columns the server sends. Kinds without a
// printer here get Name and Age, like the API server's default table convertor; printers for richer kinds register
// themselves through `registerTablePrinter`.
import { humanDuration } from '../../../client/src/cluster/duration';
import type { KubeObject } from './store';

export interface ColumnDefinition {
  name: string;
  type: string;
  format: string;
  description: string;
  priority: number;
}

export interface TablePrinter {
  columns: ColumnDefinition[];
  cells(o: KubeObject, now: Date): unknown[];
}

const col = (name: string, type = 'string', format = '', priority = 0): ColumnDefinition =>
  ({ name, type, format, description: name, priority });

const printers = new Map<string, TablePrinter>();

const DEFAULT: TablePrinter = {
  columns: [col('Name', 'string', 'name'), col('Age', 'string', 'date')],
  cells: (o, now) => [o.metadata.name, age(o, now)],
};

/** Registers the columns `kubectl get` shows for one kind. */
export function registerTablePrinter(kind: string, printer: TablePrinter): void {
  printers.set(kind, printer);
}

export { col as tableColumn, humanDuration };

/** True when the Accept header asks for a meta.k8s.io Table. */
export function wantsTable(accept: string | undefined): boolean {
  return !!accept && /as=Table/.test(accept);
}

export function toTable(kind: string, objects: KubeObject[], listMeta: Record<string, unknown>, includeObject: string | null): unknown {
  const p = printers.get(kind) ?? DEFAULT;
  const now = new Date();
  return {
    kind: 'Table', apiVersion: 'meta.k8s.io/v1', metadata: listMeta, columnDefinitions: p.columns,
    rows: objects.map((o) => ({
      cells: p.cells(o, now),
      object: includeObject === 'None' ? undefined
        : includeObject === 'Object' ? o
        : { kind: 'PartialObjectMetadata', apiVersion: 'meta.k8s.io/v1', metadata: o.metadata },
    })),
  };
}

function age(o: KubeObject, now: Date): string {
  const t = o.metadata.creationTimestamp;
  return t ? humanDuration(now.getTime() - Date.parse(t)) : '<unknown>';
}
