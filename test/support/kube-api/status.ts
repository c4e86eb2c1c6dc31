// Kubernetes `Status` bodies, the JSON every API error is wrapped in.
import type { ServerResponse } from 'node:http';

const REASONS: Record<number, string> = {
  400: 'BadRequest', 401: 'Unauthorized', 403: 'Forbidden', 404: 'NotFound', 405: 'MethodNotAllowed',
  409: 'Conflict', 410: 'Expired', 415: 'UnsupportedMediaType', 422: 'Invalid', 429: 'TooManyRequests',
  500: 'InternalError', 503: 'ServiceUnavailable',
};

const MESSAGES: Record<number, string> = {
  401: 'Unauthorized',
  403: 'forbidden: User "system:anonymous" cannot list resource',
  410: 'too old resource version',
  500: 'Internal error occurred',
  503: 'the server is currently unable to handle the request',
};

export function statusBody(code: number, message?: string, reason?: string): Record<string, unknown> {
  return {
    kind: 'Status', apiVersion: 'v1', metadata: {}, status: 'Failure',
    message: message ?? MESSAGES[code] ?? 'error', reason: reason ?? REASONS[code] ?? 'Unknown', code,
  };
}

export function sendStatus(res: ServerResponse, code: number, message?: string, reason?: string): void {
  sendJson(res, code, statusBody(code, message, reason));
}

export function sendJson(res: ServerResponse, code: number, body: unknown): void {
  const text = JSON.stringify(body);
  res.writeHead(code, { 'Content-Type': 'application/json', 'Content-Length': Buffer.byteLength(text) });
  res.end(text);
}
