/**
 * Entry point of dist/server.js. `createConnection(ProposedFeatures.all)` reads the transport from the command line:
 * IPC when the VS Code client launches it, stdio with `--stdio` (Neovim, Helix, Emacs), or a socket/pipe.
 */
import { ProposedFeatures, createConnection } from 'vscode-languageserver/node';
import { CONNECTION_OPTIONS } from './cancellation';
import { registerMemoryProbe } from './memory-probe';
import { keepProcessAlive } from './process-guard';
import { startServer } from './server';

const connection = createConnection(ProposedFeatures.all, CONNECTION_OPTIONS);
keepProcessAlive((message) => connection.console.error(message));
registerMemoryProbe(connection);
startServer(connection);
