/**
 * Entry point of dist/server.js: the transport comes from the command line (IPC for the VS Code client, `--stdio` for
 * Neovim, Helix or Emacs, or a socket/pipe; see transport.ts).
 */
import { CONNECTION_OPTIONS } from './cancellation';
import { registerMemoryProbe } from './memory-probe';
import { keepProcessAlive } from './process-guard';
import { startServer } from './server';
import { connectFromCommandLine } from './transport';

const connection = connectFromCommandLine(CONNECTION_OPTIONS);
keepProcessAlive((message) => connection.console.error(message));
registerMemoryProbe(connection);
startServer(connection);
