// The pod columns of `kubectl get pods` (NAME READY STATUS RESTARTS AGE, and -o wide's IP NODE), computed by the
// cluster view's own kubectl-printer model, so the kubectl cross-check tests that model against kubectl's output.
import { podStatusColumns, restartsText } from '../../../client/src/cluster/pod-status';
import type { Pod } from '../../../client/src/cluster/k8s-json';
import { humanDuration, registerTablePrinter, tableColumn } from './table';

registerTablePrinter('Pod', {
  columns: [
    tableColumn('Name', 'string', 'name'), tableColumn('Ready'), tableColumn('Status'), tableColumn('Restarts', 'string'),
    tableColumn('Age'), tableColumn('IP', 'string', '', 1), tableColumn('Node', 'string', '', 1),
  ],
  cells: (o, now) => {
    const pod = o as unknown as Pod;
    const cols = podStatusColumns(pod);
    const created = pod.metadata.creationTimestamp;
    return [
      pod.metadata.name, cols.readyText, cols.status, restartsText(cols, now.getTime(), humanDuration),
      created ? humanDuration(now.getTime() - Date.parse(created)) : '<unknown>',
      pod.status?.podIP ?? '<none>', pod.spec?.nodeName ?? '<none>',
    ];
  },
});
