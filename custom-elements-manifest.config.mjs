// `npm run analyze`: custom-elements.json from the elements' JSDoc (@attr @event @csspart @cssproperty @slot).
export default {
  globs: ['src/element/**/*.ts'],
  exclude: ['src/element/**/*.styles.ts', 'src/element/i18n*.ts', 'src/element/locales/**', 'src/element/call*.ts'],
  outdir: '.',
  litelement: true,
  dependencies: false,
  packagejson: false,
};
