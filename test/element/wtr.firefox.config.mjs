// The element tests in Firefox ESR alone: npx wtr --config test/element/wtr.firefox.config.mjs
import config from '../../web-test-runner.config.mjs';

const firefox = config.groups.find((g) => g.name === 'firefox');
export default { ...config, groups: undefined, files: ['test/element/*.test.ts'], browsers: firefox?.browsers ?? [], concurrency: 1 };
