// A Rollup plugin for the CDN build: @blauw/core's schema modules are replaced by modules whose
// schemas check responses against their JSON Schema (src/shared/schema-validator.ts) instead of
// carrying zod, which would be a fifth of the booking widget's 30 kB budget. The JSON Schemas are
// generated from the same zod schemas by scripts/schemas-json.ts (part of `npm run build`), so
// the contract stays one: the mock server, the OpenAPI document and the npm packages use zod
// itself; compiled-schemas.test.ts checks that both accept and refuse the same bodies.
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

const generated = fileURLToPath(new URL('./generated/schemas.json', import.meta.url));
const validator = fileURLToPath(new URL('../src/shared/schema-validator.ts', import.meta.url));
const SCHEMA_FILE = /packages\/core\/src\/schemas\/(\w+)\.ts$/;

// Answers may carry fields a newer backend added (DESIGN.md), so the validator ignores
// `additionalProperties: false`; shipping it would only cost bytes on citizens' phones.
/** @param {string} key @param {unknown} value */
const withoutClosedObjects = (key, value) => (key === 'additionalProperties' && value === false ? undefined : value);

// One module per schema (`\0blauw-schema:<file>:<name>`), re-exported by the file's module: Rollup
// shares code between the CDN files module by module, so with one module per file a widget would
// carry every schema of a file another widget uses (the booking schemas in the incident map).
const SCHEMA_MODULE = /^\0blauw-schema:(\w+):(\w+)$/;

/** @returns {import('rollup').Plugin} */
export function compiledSchemasPlugin() {
  /** @type {Record<string, Record<string, unknown>>} */
  let schemas;
  return {
    name: 'blauw-compiled-schemas',
    buildStart() {
      schemas = JSON.parse(readFileSync(generated, 'utf8'));
      this.addWatchFile(generated);
    },
    resolveId(source) {
      return SCHEMA_MODULE.test(source) ? source : null;
    },
    load(id) {
      const single = SCHEMA_MODULE.exec(id);
      if (single) {
        const [, file, name] = single;
        return [
          `import { compiled } from ${JSON.stringify(validator)};`,
          `export const ${name} = /*#__PURE__*/ compiled(${JSON.stringify(schemas[file][name], withoutClosedObjects)});`,
        ].join('\n');
      }
      const file = SCHEMA_FILE.exec(id)?.[1];
      if (!file || file === 'index') return null;
      const own = schemas[file];
      if (!own) this.error(`compiled-schemas: ${file}.ts has no JSON Schemas; run scripts/schemas-json.ts (npm run build does).`);
      const lines = Object.keys(own).map((name) => `export { ${name} } from ${JSON.stringify(`\0blauw-schema:${file}:${name}`)};`);
      if (file === 'common') lines.push(`export { page } from ${JSON.stringify(validator)};`);
      return lines.join('\n');
    },
  };
}
