/**
 * Sending protocol/'s requests and receiving its notifications by method name, typed by their RequestType and
 * NotificationType. protocol/'s type objects come from the copy of vscode-jsonrpc in dist/extension.js, the client
 * from the one in dist/language-client.js (bundled apart so activation does not evaluate it), and the library checks
 * a type's parameter structure by identity: a foreign type object fails with "Unknown parameter structure auto".
 * By method name, parameters go as one object, exactly as an `auto` type sends them.
 */
import type { Disposable } from 'vscode';
import type { NotificationType, RequestType } from 'vscode-jsonrpc';
import type { LanguageClient } from 'vscode-languageclient/node';

export function sendTyped<P, R>(client: LanguageClient, type: RequestType<P, R, void>, params: P): Promise<R> {
  return client.sendRequest<R>(type.method, params);
}

export function onTypedNotification<P>(client: LanguageClient, type: NotificationType<P>, handler: (params: P) => void): Disposable {
  return client.onNotification(type.method, handler);
}
