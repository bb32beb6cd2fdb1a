/** Where the handler reports trouble the site owner must fix. Default: `console`. */
export interface SessionLogger {
  warn(message: string): void;
  error(message: string): void;
}

/**
 * Wraps a logger so no line can carry the API key, even when iwy echoes it in an error message.
 * Log lines are single strings on purpose: no objects whose fields could hold a header.
 */
export function redactingLogger(logger: SessionLogger, secret: string): SessionLogger {
  const clean = (line: string) => `iwy-agent/server: ${line.split(secret).join('[redacted]')}`;
  return {
    warn: (line) => logger.warn(clean(line)),
    error: (line) => logger.error(clean(line)),
  };
}
