// Generates packages/widgets/custom-elements.json from the widgets' JSDoc (`npm run manifest`):
// the source of the docs pages, editor hints and framework wrappers.
export default {
  globs: ['packages/widgets/src/**/*.ts'],
  exclude: [
    'packages/widgets/src/**/*.test.ts',
    'packages/widgets/src/**/*.stories.ts',
    // Demo elements and fakes for tests and stories are not part of the public surface.
    'packages/widgets/src/testing/**',
  ],
  outdir: 'packages/widgets',
  litelement: true,
  // packages/widgets/package.json already points at the manifest; keep the root package.json untouched.
  packagejson: false,
};
