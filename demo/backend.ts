/**
 * The demo's customer backend: the few lines a site adds to its own server. It holds the API key and
 * answers the element's POST /api/iwy-session; here it is mounted on the demo's dev server.
 */
import type { Plugin } from 'vite';
import { createSessionHandler, toNodeHandler } from '../src/server/index.js';

export interface DemoBackendOptions {
  apiKey: string;
  baseUrl: string;
}

export function demoBackendPlugin({ apiKey, baseUrl }: DemoBackendOptions): Plugin {
  const handler = toNodeHandler(
    createSessionHandler({
      apiKey,
      baseUrl,
      // A real site would add who the visitor is; the agent can greet them by name.
      context: () => ({ page: 'iwy-agent demo' }),
      // Generous for people trying the demo; a public site keeps the default (10 a minute per visitor).
      rateLimit: { limit: 120, windowMs: 60_000 },
    }),
  );
  return {
    name: 'iwy-demo-backend',
    configureServer(server) {
      server.middlewares.use('/api/iwy-session', (req, res) => {
        // Connect strips the mount path; the handler only needs method, headers and body.
        req.url = '/api/iwy-session';
        void handler(req, res);
      });
    },
  };
}
