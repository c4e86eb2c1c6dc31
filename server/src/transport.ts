/**
 * The server's connection, with the transport from the command line as vscode-languageserver picks it: IPC when the
 * VS Code client launches it, stdio with `--stdio` (Neovim, Helix, Emacs), or a socket/pipe. On stdio, messages are
 * written by SingleWriteMessageWriter: vscode-jsonrpc's stream writer writes each message's header and JSON body in
 * two writes (two pipe writes, and two reads for the client to put back together); this one writes both at once.
 */
import { Console } from 'node:console';
import type { Writable } from 'node:stream';
import {
  AbstractMessageWriter, ProposedFeatures, createConnection,
  type Connection, type ConnectionOptions, type Message, type MessageReader, type MessageWriter,
} from 'vscode-languageserver/node';

/** A connection on the command line's transport (see the file comment). */
export function connectFromCommandLine(options: ConnectionOptions): Connection {
  // The library takes the first transport flag.
  const transport = process.argv.slice(2).find((arg) => /^--(node-ipc|stdio|socket|pipe)\b/.test(arg));
  if (transport !== '--stdio') return createConnection(ProposedFeatures.all, options);
  // stdout carries the protocol: whatever a library prints goes to stderr instead (a client shows it in its log).
  globalThis.console = new Console(process.stderr, process.stderr);
  // The library reads a stream given as the reader (and then exits when stdin ends, as with `--stdio`); its types
  // only accept a stream together with a stream writer.
  const input = process.stdin as unknown as MessageReader;
  return createConnection(ProposedFeatures.all, input, new SingleWriteMessageWriter(process.stdout), options);
}

export class SingleWriteMessageWriter extends AbstractMessageWriter implements MessageWriter {
  private readonly stream: Writable;
  private errorCount = 0;

  constructor(stream: Writable) {
    super();
    this.stream = stream;
    stream.on('error', (error: Error) => this.fireError(error));
    stream.on('close', () => this.fireClose());
  }

  /** Serialises synchronously, so messages leave in the order they were written (no queue needed). */
  write(msg: Message): Promise<void> {
    let body: Buffer;
    try {
      body = Buffer.from(JSON.stringify(msg), 'utf8');
    } catch (error) {
      this.fireError(error);
      return Promise.reject(error);
    }
    // Encoded once (a large publish is 100s of KB): measuring the UTF-8 length of the text costs about as much.
    const message = Buffer.concat([Buffer.from(`Content-Length: ${body.byteLength}\r\n\r\n`, 'ascii'), body]);
    return new Promise((resolve, reject) => {
      this.stream.write(message, (error) => {
        if (!error) {
          this.errorCount = 0;
          resolve();
          return;
        }
        this.errorCount++;
        this.fireError(error, msg, this.errorCount);
        reject(error);
      });
    });
  }

  end(): void {
    this.stream.end();
  }
}
