// Generates packages/widgets/custom-elements.json from the widgets' JSDoc (`npm run manifest`):
// the source of the docs pages, editor hints and framework wrappers.
import { posix } from 'node:path';

const src = 'packages/widgets/src/';

/**
 * The manifest ships in @blauw/widgets, so its module paths are the package's files, relative to
 * the package root: the npm entry `dist/index.js`, and each widget's self-registering
 * `dist/cdn/<tag>.js` (exported as `@blauw/widgets/cdn/<tag>.js`), which defines the element and
 * exports its class. The other source modules are bundled into both and are not importable on
 * their own, so they are left out; references to their declarations point at `dist/index.js`.
 */
function distPaths() {
  return {
    name: 'blauw-dist-paths',
    packageLinkPhase({ customElementsManifest: manifest }) {
      const moved = new Map();
      for (const module of manifest.modules) {
        const tag = (module.declarations ?? []).find((declaration) => declaration.customElement && declaration.tagName)?.tagName;
        if (module.path === `${src}index.ts`) moved.set(module.path, 'dist/index.js');
        else if (tag) moved.set(module.path, `dist/cdn/${tag}.js`);
      }
      const relocate = (path, from) => {
        // Re-exports in index.ts name their module relative to it ("./provider/provider.js").
        const full = path.startsWith('./') || path.startsWith('../') ? posix.join(posix.dirname(from), path).replace(/\.js$/, '.ts') : path;
        if (!full.startsWith(src)) return path;
        return moved.get(full) ?? 'dist/index.js';
      };
      const visit = (node, from) => {
        if (Array.isArray(node)) return node.forEach((item) => visit(item, from));
        if (typeof node !== 'object' || node === null) return;
        for (const [key, value] of Object.entries(node)) {
          if (key === 'module' && typeof value === 'string') node[key] = relocate(value, from);
          else visit(value, from);
        }
      };
      manifest.modules = manifest.modules.filter((module) => moved.has(module.path));
      for (const module of manifest.modules) {
        visit(module, module.path);
        module.path = moved.get(module.path);
        // `customElements.define(TAG, …)` gives the definition the constant's name; give it the tag.
        for (const definition of module.exports ?? []) {
          if (definition.kind !== 'custom-element-definition') continue;
          const element = module.declarations?.find((declaration) => declaration.name === definition.declaration?.name);
          if (element?.tagName) definition.name = element.tagName;
        }
      }
    },
  };
}

export default {
  globs: [`${src}**/*.ts`],
  exclude: [
    `${src}**/*.test.ts`,
    `${src}**/*.stories.ts`,
    // Demo elements and fakes for tests and stories are not part of the public surface.
    `${src}testing/**`,
  ],
  outdir: 'packages/widgets',
  litelement: true,
  // packages/widgets/package.json already points at the manifest; keep the root package.json untouched.
  packagejson: false,
  plugins: [distPaths()],
};
