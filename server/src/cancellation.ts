/**
 * Requests the client no longer wants ($/cancelRequest: the cursor moved on, the document changed). The connection
 * handles messages one at a time, so while the server is busy (a validation slice, a large preview) requests wait in
 * its queue; a cancelled one is answered at once with RequestCancelled and never runs. A request already running
 * sees its token cancelled; the handlers check it between documents.
 */
import { LSPErrorCodes, Message, ResponseError, type ConnectionOptions, type ResponseMessage } from 'vscode-languageserver';

/** The answer to a cancelled request (LSP: the server should answer it with RequestCancelled). */
export function requestCancelled(): ResponseError<void> {
  return new ResponseError(LSPErrorCodes.RequestCancelled, 'request cancelled');
}

/** Answers a request cancelled before it was dispatched, without running its handler. */
function cancelUndispatched(message: Message): ResponseMessage | undefined {
  if (!Message.isRequest(message)) return undefined;
  return { jsonrpc: message.jsonrpc, id: message.id, error: requestCancelled().toJson() };
}

/** Options for `createConnection`: cancelled requests still queued are answered at once. */
export const CONNECTION_OPTIONS: ConnectionOptions = { connectionStrategy: { cancelUndispatched } };
