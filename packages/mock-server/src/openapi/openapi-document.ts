import * as contract from '@blauw/core';
import { z } from 'zod/mini';
import { NoInput, pathParamNames, toOpenApiPath, type Route } from '../handlers/route.js';

/** A JSON Schema object as zod emits it. */
type JsonSchema = Record<string, unknown> & { properties?: Record<string, JsonSchema>; required?: string[] };

/** What {@link openApiDocument} needs to know besides the route table. */
export interface OpenApiOptions {
  /** Version of the API description, usually the package's version. */
  version: string;
  /** Where the API is served, e.g. `http://localhost:8787`. Paths in the table carry `/v1`. */
  serverUrl?: string;
}

/** Every zod schema `@blauw/core` exports, by its export name: these become the named components. */
function namedContractSchemas(): [string, z.ZodMiniType][] {
  return (Object.entries(contract) as [string, unknown][]).filter(
    (entry): entry is [string, z.ZodMiniType] => /^[A-Z]/.test(entry[0]) && entry[1] instanceof z.ZodMiniType,
  );
}

const upperFirst = (text: string) => text.charAt(0).toUpperCase() + text.slice(1);

/**
 * Builds the OpenAPI 3.1 description of the API from the route table and the zod schemas, so the
 * document can never drift from what the server validates and the SDK parses.
 *
 * Response bodies become `#/components/schemas/*` (named after their `@blauw/core` export, or
 * after the operation for composite shapes such as pages); request bodies and parameters are
 * described as the server reads them (zod's input side: defaults optional, query values coerced).
 */
export function openApiDocument(routes: readonly Route[], options: OpenApiOptions): Record<string, unknown> {
  const registry = z.registry<{ id: string }>();
  const idOf = new Map<z.ZodMiniType, string>();
  const name = (schema: z.ZodMiniType, fallback: string): string => {
    const known = idOf.get(schema);
    if (known) return known;
    idOf.set(schema, fallback);
    registry.add(schema, { id: fallback });
    return fallback;
  };
  for (const [exportName, schema] of namedContractSchemas()) if (!idOf.has(schema)) name(schema, exportName);

  const paths: Record<string, Record<string, unknown>> = {};
  for (const route of routes) {
    const operation: Record<string, unknown> = {
      operationId: route.operationId,
      summary: route.summary,
      ...(route.description ? { description: route.description } : {}),
      tags: [route.tag],
      parameters: [...pathParameters(route), ...queryParameters(route), ...headerParameters(route)],
      responses: Object.fromEntries(
        Object.entries(route.responses).map(([status, spec]) => {
          const response: Record<string, unknown> = { description: spec.description };
          if (spec.schema) {
            const id = name(spec.schema, `${upperFirst(route.operationId)}${status}`);
            response['content'] = { [spec.contentType ?? 'application/json']: { schema: { $ref: `#/components/schemas/${id}` } } };
          } else if (spec.contentType?.startsWith('image/')) {
            // Raw bytes: OpenAPI 3.1 describes a binary body by its media type alone.
            response['content'] = { [spec.contentType]: {} };
          } else if (spec.contentType !== undefined) {
            // A text body without a schema of its own, such as an event stream: its frames are
            // described in words, their data by the named components.
            response['content'] = { [spec.contentType]: { schema: { type: 'string' } } };
          }
          if (spec.headers) {
            response['headers'] = Object.fromEntries(
              Object.entries(spec.headers).map(([header, description]) => [header, { description, schema: { type: 'string' } }]),
            );
          }
          return [status, response];
        }),
      ),
    };
    if (route.body) {
      operation['requestBody'] = {
        required: true,
        content: { 'application/json': { schema: inputSchema(route.body) } },
      };
    }
    if (route.auth !== 'none') operation['security'] = [{ bearer: [] }];
    (paths[toOpenApiPath(route.path)] ??= {})[route.method] = operation;
  }

  const components = z.toJSONSchema(registry, {
    target: 'draft-2020-12',
    io: 'output',
    unrepresentable: 'any',
    override: addFormat,
    uri: (id) => `#/components/schemas/${id}`,
  }) as { schemas: Record<string, JsonSchema> };
  for (const schema of Object.values(components.schemas)) {
    // A fragment-only `$id` is not a valid JSON Schema id; the component's key names it.
    delete schema['$schema'];
    delete schema['$id'];
    // Clients ignore members a newer backend adds, so responses are documented as open objects.
    allowAdditionalProperties(schema);
  }

  return {
    openapi: '3.1.0',
    info: {
      title: 'Blauw API',
      version: options.version,
      description:
        'The HTTP API of a Belgian local police zone as Blauw speaks it: zone directory, booking, ' +
        'incidents, field checks, records and messaging. Errors are RFC 9457 problem documents; every ' +
        'POST carries an `Idempotency-Key`.',
      license: { name: 'EUPL-1.2', identifier: 'EUPL-1.2' },
    },
    ...(options.serverUrl ? { servers: [{ url: options.serverUrl }] } : {}),
    tags: [...new Set(routes.map((route) => route.tag))].map((tag) => ({ name: tag })),
    paths,
    components: {
      schemas: components.schemas,
      securitySchemes: { bearer: { type: 'http', scheme: 'bearer', description: 'An officer or supervisor token. Citizens call the booking routes without one.' } },
    },
  };
}

// The contract checks dates and instants with plain regular expressions (lighter in the widget
// bundles than z.iso.*); the document still names their JSON Schema formats.
const formats = new Map<unknown, string>([
  [contract.IsoDateTime, 'date-time'],
  [contract.IsoDate, 'date'],
]);
function addFormat(context: { zodSchema: unknown; jsonSchema: Record<string, unknown> }): void {
  const format = formats.get(context.zodSchema);
  if (format) context.jsonSchema['format'] = format;
}

function allowAdditionalProperties(schema: unknown): void {
  if (Array.isArray(schema)) schema.forEach(allowAdditionalProperties);
  else if (schema && typeof schema === 'object') {
    const record = schema as Record<string, unknown>;
    if (record['additionalProperties'] === false) delete record['additionalProperties'];
    Object.values(record).forEach(allowAdditionalProperties);
  }
}

/** A schema as the server reads it from a request, fully inlined. */
function inputSchema(schema: z.ZodMiniType): JsonSchema {
  const json = z.toJSONSchema(schema, { target: 'draft-2020-12', io: 'input', unrepresentable: 'any', override: addFormat }) as JsonSchema;
  delete json['$schema'];
  return json;
}

function pathParameters(route: Route): Record<string, unknown>[] {
  const properties = inputSchema(route.params).properties ?? {};
  return pathParamNames(route.path).map((param) => ({
    name: param,
    in: 'path',
    required: true,
    schema: properties[param] ?? { type: 'string' },
  }));
}

function queryParameters(route: Route): Record<string, unknown>[] {
  if (route.query === NoInput) return [];
  const json = inputSchema(route.query);
  const required = new Set(json.required ?? []);
  return Object.entries(json.properties ?? {}).map(([param, schema]) => ({
    name: param,
    in: 'query',
    required: required.has(param),
    schema,
  }));
}

function headerParameters(route: Route): Record<string, unknown>[] {
  const headers: Record<string, unknown>[] = [
    { name: 'Accept-Language', in: 'header', required: false, schema: { type: 'string', enum: ['nl', 'fr', 'de', 'en'] } },
  ];
  if (route.idempotent) {
    headers.push({
      name: 'Idempotency-Key',
      in: 'header',
      required: true,
      description: 'Chosen by the client once per logical write and kept across retries; the same key and body replay the first response.',
      schema: { type: 'string', minLength: 1, maxLength: 255 },
    });
  }
  if (route.etag) {
    headers.push({ name: 'If-None-Match', in: 'header', required: false, schema: { type: 'string' } });
  }
  for (const [name, description] of Object.entries(route.requestHeaders ?? {})) {
    headers.push({ name, in: 'header', required: false, description, schema: { type: 'string' } });
  }
  return headers;
}
