/**
 * The writer of LSP messages on stdio. vscode-jsonrpc's stream writer writes each message's header and JSON body in
 * two writes (two pipe writes, and two reads for the client to put back together); this one writes both at once.
 */
import type { Writable } from 'node:stream';
import { AbstractMessageWriter, type Message, type MessageWriter } from 'vscode-languageserver/node';

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
    let body: string;
    try {
      body = JSON.stringify(msg);
    } catch (error) {
      this.fireError(error);
      return Promise.reject(error);
    }
    const message = `Content-Length: ${Buffer.byteLength(body, 'utf8')}\r\n\r\n${body}`;
    return new Promise((resolve, reject) => {
      this.stream.write(message, 'utf8', (error) => {
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
