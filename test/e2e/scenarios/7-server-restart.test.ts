// Scenario 7: the language server dies (SIGKILL, as the kernel's OOM killer would do it). The client says so, starts
// a new one, and the new one serves the open file: a Secret appended by typing gets its diagnostic.
import assert from 'node:assert/strict';
import { scenario } from '../harness/session';
import { processesOf } from '../harness/processes';
import { activeEditor, openFile, problems } from '../harness/workbench';
import { APP } from './manifests';

const SERVER = ['dist/server.js', '--node-ipc'];

async function newServer(pgid: number, old: number, timeoutMs: number): Promise<number> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const fresh = processesOf(pgid, ...SERVER).filter((pid) => pid !== old);
    if (fresh.length === 1) return fresh[0]!;
    if (Date.now() > deadline) throw new Error(`no new language server process after ${timeoutMs} ms (saw ${fresh.join(', ') || 'none'})`);
    await new Promise((resolve) => setTimeout(resolve, 200));
  }
}

scenario('Language server killed: restarted with a note, and the new one answers edits', 'server-restart', { files: { 'app.yaml': APP } }, async (s) => {
  await openFile(s.page, 'app.yaml');
  await problems(s.page, /no-pod-template/, 2);
  const servers = processesOf(s.codeServer.pid, ...SERVER);
  assert.equal(servers.length, 1, `one language server process: ${servers.join(', ')}`);
  const killed = servers[0]!;
  process.kill(killed, 'SIGKILL');

  await s.page.locator('.notification-toast', { hasText: 'stopped unexpectedly and is being restarted' }).waitFor({ timeout: 30_000 });
  const restarted = await newServer(s.codeServer.pid, killed, 30_000);
  assert.notEqual(restarted, killed);

  // Typed at the end of the file (the last line is empty): lines without a trailing colon, so no auto-indent.
  await activeEditor(s.page).locator('.view-lines').click();
  await s.page.keyboard.press('Control+End');
  await s.page.keyboard.type('---\napiVersion: v1\nkind: Secret');
  const rows = await problems(s.page, /no-pod-template/, 3);
  assert.ok(rows.some((row) => /Secret/.test(row)), `the Secret's diagnostic, from the new server:\n${rows.join('\n')}`);
  await s.shot('server-restart');
});
