/**
 * Entry point of dist/server.js. `createConnection(ProposedFeatures.all)` reads the transport from the command line:
 * IPC when the VS Code client launches it, stdio with `--stdio` (Neovim, Helix, Emacs), or a socket/pipe.
 */
import { ProposedFeatures, createConnection } from 'vscode-languageserver/node';
import { startServer } from './server';

startServer(createConnection(ProposedFeatures.all));
