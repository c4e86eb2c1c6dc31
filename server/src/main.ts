/**
 * Entry point of dist/server.js. `createConnection(ProposedFeatures.all)` reads the transport from the command line:
 * IPC when the VS Code client launches it, stdio with `--stdio` (Neovim, Helix, Emacs), or a socket/pipe. On stdio
 * the server passes the streams itself, to write each message in one write (see stdio-writer.ts).
 */
import { Console } from 'node:console';
import { ProposedFeatures, createConnection, type Connection, type MessageReader } from 'vscode-languageserver/node';
import { CONNECTION_OPTIONS } from './cancellation';
import { registerMemoryProbe } from './memory-probe';
import { keepProcessAlive } from './process-guard';
import { startServer } from './server';
import { SingleWriteMessageWriter } from './stdio-writer';

/** The transport the library would pick: the first transport flag on the command line. */
const transport = process.argv.slice(2).find((arg) => /^--(node-ipc|stdio|socket|pipe)\b/.test(arg));

function connect(): Connection {
  if (transport !== '--stdio') return createConnection(ProposedFeatures.all, CONNECTION_OPTIONS);
  // stdout carries the protocol: whatever a library prints goes to stderr instead (a client shows it in its log).
  globalThis.console = new Console(process.stderr, process.stderr);
  // The library reads a stream given as the reader (and then exits when stdin ends, as with `--stdio`); its types
  // only accept a stream together with a stream writer.
  const input = process.stdin as unknown as MessageReader;
  return createConnection(ProposedFeatures.all, input, new SingleWriteMessageWriter(process.stdout), CONNECTION_OPTIONS);
}

const connection = connect();
keepProcessAlive((message) => connection.console.error(message));
registerMemoryProbe(connection);
startServer(connection);
