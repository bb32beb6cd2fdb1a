import { esbuildPlugin } from '@web/dev-server-esbuild';
import { chromeLauncher } from '@web/test-runner-chrome';
import { fileURLToPath } from 'node:url';
import { CHROMIUM_FLAGS, CHROMIUM_PATH } from './scripts/lib/chromium-flags.mjs';
import { allowMedia, denyMedia, firefoxGroups } from './scripts/wtr-firefox-launcher.mjs';
import { commonjsPackagesPlugin } from './test/support/commonjs-packages-plugin.mjs';
import { sessionEndpointMiddleware } from './test/support/session-endpoint-middleware.mjs';
import { simulatorMiddleware, simulatorPlugin } from './test/e2e/simulator-plugin.mjs';

const chrome = (extra) =>
  chromeLauncher({ launchOptions: { executablePath: CHROMIUM_PATH, args: ['--headless=new', ...CHROMIUM_FLAGS, ...extra] } });

const config = {
  nodeResolve: true,
  concurrency: 2,
  testFramework: { config: { timeout: 20000 } },
  testsFinishTimeout: 240000,
  // Firefox ESR starts in 5–20 s on a busy 2-core machine (a fresh profile each launch); 30 s was not enough
  // with four browsers starting at once.
  browserStartTimeout: 90000,
  plugins: [
    esbuildPlugin({ ts: true, tsconfig: fileURLToPath(new URL('./tsconfig.json', import.meta.url)) }),
    // Pipecat imports these CommonJS packages; vite converts them in the build, this does it for wtr.
    commonjsPackagesPlugin(['events', 'lodash']),
    // Closes the e2e group's local iwy simulator (started on first use of /__iwy-simulator.json).
    simulatorPlugin(),
  ],
  // A scriptable session endpoint (/__iwy-test/session) for the session controller's tests.
  middleware: [sessionEndpointMiddleware, simulatorMiddleware],
  groups: [
    {
      name: 'browser',
      // Node-only tests live in test/{server,simulator,embed,frameworks,wordpress}; e2e has its own group.
      files: ['test/{session,transports,element,build}/**/*.test.ts', '!test/**/*.denied.test.ts'],
      browsers: [chrome(['--use-fake-ui-for-media-stream'])],
    },
    {
      // A visitor who says no: the permission prompt is denied.
      name: 'mic-denied',
      files: ['test/**/*.denied.test.ts'],
      browsers: [chrome(['--deny-permission-prompts'])],
    },
    {
      // Real calls over WebRTC against the local simulator (test/e2e/simulator-plugin.mjs).
      name: 'e2e',
      files: ['test/e2e/**/*.test.ts'],
      browsers: [chrome(['--use-fake-ui-for-media-stream'])],
    },
  ],
};

// The same tests in Debian's firefox-esr (a second engine); skipped with one line when it is missing
// or IWY_SKIP_FIREFOX=1.
config.groups.push(
  ...firefoxGroups(config.groups, {
    firefox: { from: 'browser', prefs: allowMedia },
    'firefox-mic-denied': { from: 'mic-denied', prefs: denyMedia },
  }),
);
export default config;
