import { SessionError } from './responses.js';

/**
 * Which browser origins may call the handler: a list of origins, `'*'` (any origin, no cookies),
 * or a predicate. Default: same origin only.
 */
export type AllowedOrigins = readonly string[] | '*' | ((origin: string) => boolean);

export interface CorsPolicy {
  /** The CORS headers for this request's answer; throws `origin-not-allowed` for a refused origin. */
  check(request: Request): Record<string, string>;
  /** The answer to `OPTIONS`: a preflight, or a plain `Allow`. */
  preflight(request: Request): Response;
}

const NO_HEADERS: Record<string, string> = {};
// Cross-origin pages can read only the headers listed here; the element needs Retry-After on a 429.
const EXPOSE = { 'access-control-expose-headers': 'Retry-After' };
const HEADER_LIST = /^[A-Za-z0-9!#$%&'*+.^_`|~-]+(\s*,\s*[A-Za-z0-9!#$%&'*+.^_`|~-]+)*$/;

export function corsPolicy(allowed: AllowedOrigins | undefined): CorsPolicy {
  const list = Array.isArray(allowed) ? new Set(allowed.map(normalizeOrigin)) : undefined;

  function check(request: Request): Record<string, string> {
    const origin = request.headers.get('origin');
    // No Origin: not a cross-origin browser request (same-origin GET/HEAD or a server-side caller).
    if (origin === null) return NO_HEADERS;
    if (allowed === undefined) {
      if (sameHost(origin, request.url)) return NO_HEADERS;
    } else if (allowed === '*') {
      return { 'access-control-allow-origin': '*', ...EXPOSE };
    } else if (list ? list.has(origin) : (allowed as (o: string) => boolean)(origin)) {
      return { 'access-control-allow-origin': origin, 'access-control-allow-credentials': 'true', vary: 'Origin', ...EXPOSE };
    }
    throw new SessionError('origin-not-allowed');
  }

  function preflight(request: Request): Response {
    const headers: Record<string, string> = { allow: 'POST, OPTIONS', 'cache-control': 'no-store' };
    if (request.headers.has('origin') && request.headers.has('access-control-request-method')) {
      Object.assign(headers, check(request), {
        'access-control-allow-methods': 'POST, OPTIONS',
        'access-control-allow-headers': allowHeaders(request.headers.get('access-control-request-headers')),
        'access-control-max-age': '600',
      });
    }
    return new Response(null, { status: 204, headers });
  }

  return { check, preflight };
}

/** The page may send its own headers (an auth token for `authorize`); echo a well-formed list only. */
function allowHeaders(requested: string | null): string {
  if (requested && requested.length <= 1000 && HEADER_LIST.test(requested.trim())) return requested.trim();
  return 'content-type';
}

/**
 * Same origin by host (name and port), not scheme: behind a TLS-terminating proxy the handler sees
 * `http://` while the page is `https://`. A browser never lets a page forge its own Origin.
 */
function sameHost(origin: string, requestUrl: string): boolean {
  try {
    return new URL(origin).host === new URL(requestUrl).host;
  } catch {
    return false;
  }
}

function normalizeOrigin(origin: string): string {
  let url: URL;
  try {
    url = new URL(origin);
  } catch {
    throw new TypeError(`iwy-agent/server: allowedOrigins: "${origin}" is not an origin like https://example.com`);
  }
  if (url.origin === 'null') throw new TypeError(`iwy-agent/server: allowedOrigins: "${origin}" has no origin`);
  return url.origin;
}
