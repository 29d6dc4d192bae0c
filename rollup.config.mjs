// Builds every package as ES modules with one bundled .d.ts each, and every widget as a
// self-contained, minified, self-registering CDN file under packages/widgets/dist/cdn/<tag>.js.
import { readFileSync, readdirSync } from 'node:fs';
import { builtinModules } from 'node:module';
import { join } from 'node:path';
import minifyHtmlLiterals from '@lit-labs/rollup-plugin-minify-html-literals';
import nodeResolve from '@rollup/plugin-node-resolve';
import terser from '@rollup/plugin-terser';
import esbuild from 'rollup-plugin-esbuild';
import { dts } from 'rollup-plugin-dts';
import { compiledSchemasPlugin } from './packages/widgets/build/compiled-schemas.mjs';
import { lazyMessagesPlugin } from './packages/widgets/build/lazy-messages.mjs';

const tsconfig = 'tsconfig.json';

// Third-party packages' circular imports and misplaced annotations are theirs to fix; our own are not.
function onwarn(warning, warn) {
  const inDependency = (warning.ids ?? [warning.id ?? '']).every((id) => id.includes('node_modules'));
  if (['CIRCULAR_DEPENDENCY', 'INVALID_ANNOTATION'].includes(warning.code) && inDependency) return;
  warn(warning);
}
const target = 'es2022';

/** A package's own dependencies stay imports in its npm build; consumers' bundlers resolve them. */
function externalsOf(pkgDir) {
  const pkg = JSON.parse(readFileSync(join(pkgDir, 'package.json'), 'utf8'));
  // The package's own name too: a subpath entry (@blauw/widgets/react) imports the main one as consumers do.
  const names = [pkg.name, ...Object.keys(pkg.dependencies ?? {}), ...Object.keys(pkg.peerDependencies ?? {})];
  const builtins = new Set([...builtinModules, ...builtinModules.map((m) => `node:${m}`)]);
  return (id) => builtins.has(id) || names.some((name) => id === name || id.startsWith(`${name}/`));
}

function library(pkgDir, inputs, typedEntries = ['index']) {
  const external = externalsOf(pkgDir);
  return [
    {
      input: Object.fromEntries(inputs.map((name) => [name, `${pkgDir}/src/${name}.ts`])),
      external,
      onwarn,
      plugins: [nodeResolve({ exportConditions: ['blauw-source'] }), esbuild({ tsconfig, target })],
      output: { dir: `${pkgDir}/dist`, format: 'es', sourcemap: true, entryFileNames: '[name].js', chunkFileNames: 'chunks/[name]-[hash].js' },
    },
    ...typedEntries.map((name) => ({
      input: `${pkgDir}/src/${name}.ts`,
      external,
      plugins: [dts({ tsconfig, compilerOptions: { customConditions: ['blauw-source'] } })],
      output: { file: `${pkgDir}/dist/${name}.d.ts`, format: 'es' },
    })),
  ];
}

/** Widgets announce their tag in JSDoc (`@tag blauw-…`); each one becomes a CDN file. */
// Elements that ship inside another widget's CDN file, not as a file of their own: the receipt is
// the check form's (it prints what the form completed). A file of its own used lit without the
// client, which split the runtime every widget shares into two chunks and cost the booking
// calendar 550 B min+gzip (29,669 → 30,220 B).
const INSIDE_OTHERS = new Set(['blauw-check-receipt']);

function cdnEntries() {
  const root = 'packages/widgets/src';
  return readdirSync(root, { withFileTypes: true })
    .filter((entry) => entry.isDirectory() && !['shared', 'testing'].includes(entry.name))
    .flatMap((dir) =>
      readdirSync(join(root, dir.name))
        .filter((file) => file.endsWith('.ts') && !file.includes('.test.') && !file.includes('.styles.'))
        .map((file) => join(root, dir.name, file)),
    )
    .flatMap((file) => {
      const tag = /@tag\s+(blauw-[a-z-]+)/.exec(readFileSync(file, 'utf8'))?.[1];
      return tag && !INSIDE_OTHERS.has(tag) ? [{ tag, file }] : [];
    });
}

/**
 * Minifies the static text of Lit's html`` (html-minifier-next) and css`` (lightningcss) templates
 * in the widgets' sources, which a JS minifier must keep verbatim. Whitespace is collapsed to one
 * space, never removed (conservativeCollapse): a template cannot know what its neighbours render,
 * as in `<span>Step 1 of 4</span> ` before a heading's text. Attribute quotes stay (the plugin's
 * default): Lit misreads an unquoted value with two bindings. A template the minifier cannot read
 * fails the build instead of shipping unminified. Pinned in packages/widgets/build/template-minifier.test.ts.
 */
export const templateMinifier = () =>
  minifyHtmlLiterals({
    include: ['packages/widgets/src/**/*.ts'],
    failOnError: true,
    options: { minifyOptions: { conservativeCollapse: true } },
  });

// One build for every CDN file, so widgets on one page share one lit, one client cache and one
// Trusted Types policy: `cdn/<tag>.js` per widget, and what two or more share in `cdn/chunks/`.
// A chunk's name is its content hash, so a CDN can cache it for good.
const cdn = {
  input: Object.fromEntries(cdnEntries().map(({ tag, file }) => [tag, file])),
  onwarn,
  plugins: [
    compiledSchemasPlugin(),
    lazyMessagesPlugin(),
    templateMinifier(),
    nodeResolve({ browser: true, exportConditions: ['blauw-source', 'browser', 'production'] }),
    esbuild({ tsconfig, target, legalComments: 'none' }),
    terser({ ecma: 2022, module: true, compress: { passes: 2 }, format: { comments: false } }),
  ],
  output: {
    dir: 'packages/widgets/dist/cdn',
    format: 'es',
    entryFileNames: '[name].js',
    // A language's strings (build/lazy-messages.mjs) are named for it, so the size report and the
    // budget can add the heaviest language to what a page loads.
    chunkFileNames: ({ facadeModuleId }) => {
      const language = /^\0blauw-messages:.*:(nl|fr|de|en)$/.exec(facadeModuleId ?? '')?.[1];
      return language === undefined ? 'chunks/[hash].js' : `chunks/strings-${language}-[hash].js`;
    },
    hoistTransitiveImports: false,
  },
};

export default [
  ...library('packages/core', ['index']),
  // server.js is an entry of its own so it sits in dist/ (it finds the demo pages relative to itself).
  ...library('packages/mock-server', ['index', 'server', 'cli'], ['index', 'server']),
  // react/index: the React wrappers (@blauw/widgets/react); react and @lit/react stay imports. Not a CDN file.
  ...library('packages/widgets', ['index', 'react/index'], ['index', 'react/index']),
  cdn,
];
