// Fast loop for the element tests alone, Chromium only:
//   npx wtr --config test/element/wtr.config.mjs [--files test/element/x.test.ts]
import config from '../../web-test-runner.config.mjs';

const browser = config.groups.find((g) => g.name === 'browser');
export default { ...config, groups: undefined, files: ['test/element/*.test.ts'], browsers: browser.browsers, rootDir: new URL('../..', import.meta.url).pathname };
