import type { APIGatewayProxyStructuredResultV2 } from 'aws-lambda';

/** An error as RFC 9457 problem JSON: a title and a detail a person can act on, never internals. */
export function problem(status: number, title: string, detail?: string): APIGatewayProxyStructuredResultV2 {
  return {
    statusCode: status,
    headers: { 'content-type': 'application/problem+json' },
    body: JSON.stringify({ type: 'about:blank', title, status, ...(detail ? { detail } : {}) }),
  };
}

export function json(status: number, body: unknown): APIGatewayProxyStructuredResultV2 {
  return { statusCode: status, headers: { 'content-type': 'application/json' }, body: JSON.stringify(body) };
}
