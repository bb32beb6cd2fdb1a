/** An API failure that knows its HTTP answer: `{ error, message }` with a status (iwy-api.md, our choice). */
export class ApiError extends Error {
  constructor(
    readonly status: 400 | 401 | 403 | 404 | 409 | 410 | 413 | 429 | 502 | 503,
    readonly code: string,
    message: string,
    readonly headers: Record<string, string> = {},
  ) {
    super(message);
    this.name = 'ApiError';
  }
}

export const badRequest = (message: string, code = 'validation_error') => new ApiError(400, code, message);
export const notFound = (what: string) => new ApiError(404, 'not_found', `${what} not found`);
