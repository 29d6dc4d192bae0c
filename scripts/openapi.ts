// Writes docs/openapi.json (OpenAPI 3.1) from the zod schemas and the mock server's route table.
import { readFileSync, writeFileSync, mkdirSync } from 'node:fs';
import { openApiDocument, routes } from '@blauw/mock-server';

const { version } = JSON.parse(readFileSync('packages/mock-server/package.json', 'utf8')) as { version: string };
const document = openApiDocument(routes, { version, serverUrl: 'http://localhost:8787' });
mkdirSync('docs', { recursive: true });
writeFileSync('docs/openapi.json', `${JSON.stringify(document, null, 2)}\n`);
console.info(`wrote docs/openapi.json: ${Object.keys(document['paths'] as object).length} paths`);
