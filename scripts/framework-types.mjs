// Writes the widgets' typings for frameworks that render custom elements themselves, from
// packages/widgets/custom-elements.json (the last step of `npm run build`, after `npm run manifest`):
//
//   dist/jsx.d.ts  (@blauw/widgets/jsx)  React's JSX.IntrinsicElements: <blauw-booking-calendar api="…" lang="fr">,
//                                        with `onblauw-booked` style event props (React 19 adds them as listeners);
//                                        also `BlauwIntrinsicElements`, the same props without React, for other JSX libraries.
//   dist/vue.d.ts  (@blauw/widgets/vue)  Vue's GlobalComponents (Volar checks templates against it):
//                                        props by attribute and property name, `@blauw-booked` as `onBlauwBooked`.
//
// Each has an empty .js twin so `import '@blauw/widgets/jsx'` also resolves at run time. Attributes
// and properties are typed by the element class (`BlauwBookingCalendar['manageToken']`), event
// details by the types @blauw/widgets exports; a detail type it does not export becomes `unknown`
// (with a warning). Usage: node scripts/framework-types.mjs [manifest] [outdir]
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';

const manifestPath = process.argv[2] ?? 'packages/widgets/custom-elements.json';
const outDir = process.argv[3] ?? 'packages/widgets/dist';
const INDEX = 'dist/index.js';

/** The custom elements of a manifest with what a template can set on them and listen to. */
export function elementsOf(manifest) {
  const indexModule = manifest.modules.find((module) => module.path === INDEX);
  const exported = new Set((indexModule?.exports ?? []).filter((entry) => entry.kind === 'js').map((entry) => entry.name));
  const warnings = [];
  const elements = manifest.modules
    .flatMap((module) => module.declarations ?? [])
    .filter((declaration) => declaration.customElement && declaration.tagName)
    .map((declaration) => {
      const { name: className, tagName } = declaration;
      if (!exported.has(className)) throw new Error(`${tagName}: its class ${className} is not exported from @blauw/widgets`);
      const attributes = (declaration.attributes ?? []).map((attribute) => ({
        name: attribute.name,
        field: attribute.fieldName,
        description: attribute.description,
      }));
      const withAttribute = new Set(attributes.map((attribute) => attribute.field).filter(Boolean));
      const properties = (declaration.members ?? [])
        .filter((member) => member.kind === 'field' && !member.static && !member.readonly && (member.privacy ?? 'public') === 'public')
        .filter((member) => !member.name.startsWith('_') && !withAttribute.has(member.name))
        .map((member) => ({ name: member.name, description: member.description }));
      const events = (declaration.events ?? []).map((event) => {
        const text = event.type?.text ?? 'Event';
        const names = [...text.matchAll(/\b[A-Za-z_]\w*\b/g)].map((match) => match[0]).filter((name) => !['CustomEvent', 'Event'].includes(name));
        const missing = names.filter((name) => !exported.has(name));
        if (missing.length > 0) warnings.push(`${tagName} ${event.name}: ${missing.join(', ')} not exported from @blauw/widgets; typed as CustomEvent<unknown>`);
        return { name: event.name, type: missing.length > 0 ? 'CustomEvent<unknown>' : text, imports: missing.length > 0 ? [] : names, description: event.description };
      });
      return { className, tagName, description: declaration.summary ?? declaration.description, attributes, properties, events };
    });
  return { elements, warnings };
}

const camel = (name) => name.replace(/-([a-z])/g, (_, letter) => letter.toUpperCase());
const pascal = (name) => camel(name).replace(/^[a-z]/, (letter) => letter.toUpperCase());
const key = (name) => (/^[A-Za-z_$][\w$]*$/.test(name) ? name : `'${name}'`);
const doc = (text, indent) => (text ? `${indent}/** ${text.replace(/\*\//g, '*\\/').replace(/\s*\n\s*/g, ' ')} */\n` : '');

function importsOf(elements) {
  const names = new Set(elements.flatMap((element) => [element.className, ...element.events.flatMap((event) => event.imports)]));
  return `import type { ${[...names].sort().join(', ')} } from './index.js';\n`;
}

/** One props interface per element; `eventKey` names an event's prop in the framework. */
function propsInterfaces(elements, suffix, eventKey, { camelAttributes }) {
  return elements
    .map((element) => {
      const members = [];
      for (const attribute of element.attributes) {
        const type = attribute.field ? `${element.className}['${attribute.field}']` : 'string';
        members.push(`${doc(attribute.description, '  ')}  ${key(attribute.name)}?: ${type} | undefined;`);
        if (camelAttributes && attribute.field && attribute.field !== attribute.name) {
          members.push(`${doc(attribute.description, '  ')}  ${key(attribute.field)}?: ${type} | undefined;`);
        }
      }
      for (const property of element.properties) {
        members.push(`${doc(property.description, '  ')}  ${key(property.name)}?: ${element.className}['${property.name}'] | undefined;`);
      }
      for (const event of element.events) {
        members.push(`${doc(`\`${event.name}\`: ${event.description ?? ''}`, '  ')}  ${key(eventKey(event.name))}?: ((event: ${event.type}) => void) | undefined;`);
      }
      return `/** \`<${element.tagName}>\`${element.description ? `: ${element.description}` : ''} */\nexport interface ${element.className}${suffix} {\n${members.join('\n')}\n}\n`;
    })
    .join('\n');
}

const HEADER = '// Generated by scripts/framework-types.mjs from custom-elements.json: do not edit.\n';

export function jsxTypings(elements) {
  const tags = elements.map((element) => `  '${element.tagName}': ${element.className}JsxProps;`).join('\n');
  const react = elements
    .map((element) => `      '${element.tagName}': DetailedHTMLProps<HTMLAttributes<${element.className}>, ${element.className}> & ${element.className}JsxProps;`)
    .join('\n');
  return `${HEADER}// React 19 sets a custom element's props as properties when the element has them, else as
// attributes, and adds \`on<event-name>\` props as listeners for <event-name>.
import type { DetailedHTMLProps, HTMLAttributes } from 'react';
${importsOf(elements)}
${propsInterfaces(elements, 'JsxProps', (name) => `on${name}`, { camelAttributes: false })}
/** The Blauw elements' own props by tag, for any JSX library's \`IntrinsicElements\`. */
export interface BlauwIntrinsicElements {
${tags}
}

declare module 'react' {
  namespace JSX {
    interface IntrinsicElements {
${react}
    }
  }
}
`;
}

export function vueTypings(elements) {
  const components = elements
    .map((element) => `  '${element.tagName}': new () => { $props: ${element.className}VueProps };`)
    .join('\n');
  return `${HEADER}// Vue sets a prop on a custom element as a property when the element has it, else as an
// attribute; \`@blauw-booked\` listens for blauw-booked (Volar types it as \`onBlauwBooked\`).
${importsOf(elements)}
${propsInterfaces(elements, 'VueProps', (name) => `on${pascal(name)}`, { camelAttributes: true })}
/** The Blauw elements as Vue components, by tag. */
export interface BlauwVueComponents {
${components}
}

declare module 'vue' {
  interface GlobalComponents extends BlauwVueComponents {}
}
`;
}

if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) {
  const manifest = JSON.parse(readFileSync(manifestPath, 'utf8'));
  const { elements, warnings } = elementsOf(manifest);
  for (const warning of warnings) console.warn(`framework-types: ${warning}`);
  mkdirSync(outDir, { recursive: true });
  const files = { 'jsx.d.ts': jsxTypings(elements), 'vue.d.ts': vueTypings(elements), 'jsx.js': 'export {};\n', 'vue.js': 'export {};\n' };
  for (const [name, text] of Object.entries(files)) writeFileSync(join(outDir, name), text);
  console.info(`framework-types: ${elements.map((element) => element.tagName).join(', ')} -> ${outDir}/{jsx,vue}.d.ts`);
}
