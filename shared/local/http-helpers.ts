import type { IncomingMessage, ServerResponse } from 'node:http';
import type { APIGatewayProxyStructuredResultV2 } from 'aws-lambda';
import { json, problem } from '../runtime/api/problem.ts';

/** An API answer (the handler's, or one the local server makes the same way) as an HTTP response. */
export function sendResult(response: ServerResponse, answer: APIGatewayProxyStructuredResultV2): void {
  const headers = Object.fromEntries(
    Object.entries(answer.headers ?? {}).map(([name, value]) => [name, String(value)]),
  );
  const body = answer.body ?? '';
  response.writeHead(answer.statusCode ?? 200, { 'cache-control': 'no-store', ...headers });
  response.end(answer.isBase64Encoded ? Buffer.from(body, 'base64') : body);
}

/** Answers sent by the local server itself (not the API handler) use the API's problem JSON too. */
export function sendProblem(response: ServerResponse, status: number, title: string, detail?: string): void {
  sendResult(response, problem(status, title, detail));
}

export function sendJson(response: ServerResponse, status: number, body: unknown): void {
  sendResult(response, json(status, body));
}

export class BodyTooLarge extends Error {}

/** The whole body, refused past `limit` bytes (API bodies are small JSON). */
export async function readBody(request: IncomingMessage, limit: number): Promise<Buffer> {
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const chunk of request) {
    size += (chunk as Buffer).length;
    if (size > limit) throw new BodyTooLarge(`more than ${limit} bytes`);
    chunks.push(chunk as Buffer);
  }
  return Buffer.concat(chunks);
}

/** Headers as a plain record of strings, as API Gateway gives them (lower-case names, joined values). */
export function flatHeaders(request: IncomingMessage): Record<string, string> {
  const headers: Record<string, string> = {};
  for (const [name, value] of Object.entries(request.headers)) {
    if (value !== undefined) headers[name] = Array.isArray(value) ? value.join(',') : value;
  }
  return headers;
}
