/**
 * The language server over stdio with its validation debounce set to 0 through the existing ServerOptions, so the
 * benchmark can report the edit latency without the debounce (the shipped dist/server.js has no switch for it).
 */
import { ProposedFeatures, createConnection } from 'vscode-languageserver/node';
import { startServer } from '../../server/src/server';

startServer(createConnection(ProposedFeatures.all), { debounceMs: 0 });
