/**
 * The language server as dist/server.js starts it (same transport and connection options), but with its validation
 * debounce set to 0 through the existing ServerOptions, so the benchmark can report the edit latency without the
 * debounce (the shipped dist/server.js has no switch for it).
 */
import { CONNECTION_OPTIONS } from '../../server/src/cancellation';
import { startServer } from '../../server/src/server';
import { connectFromCommandLine } from '../../server/src/transport';

startServer(connectFromCommandLine(CONNECTION_OPTIONS), { debounceMs: 0 });
