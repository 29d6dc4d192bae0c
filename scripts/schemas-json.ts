// Writes every zod schema of @blauw/core as JSON Schema, per schema file, for the CDN bundles'
// light response checks (packages/widgets/build/compiled-schemas.mjs). Run by `npm run build`.
import { mkdirSync, writeFileSync } from 'node:fs';
import { pathToFileURL } from 'node:url';
import { z } from 'zod/mini';
import * as booking from '../packages/core/src/schemas/booking.js';
import * as checks from '../packages/core/src/schemas/checks.js';
import * as common from '../packages/core/src/schemas/common.js';
import * as incidents from '../packages/core/src/schemas/incidents.js';
import * as messaging from '../packages/core/src/schemas/messaging.js';
import * as records from '../packages/core/src/schemas/records.js';
import * as zone from '../packages/core/src/schemas/zone.js';

const files = { booking, checks, common, incidents, messaging, records, zone };

/** Every schema of every schema file as self-contained JSON Schema (what a response must be). */
export function schemasAsJson(): Record<string, Record<string, Record<string, unknown>>> {
  const out: Record<string, Record<string, Record<string, unknown>>> = {};
  for (const [file, module] of Object.entries(files)) {
    out[file] = {};
    for (const [name, value] of Object.entries(module)) {
      if (!(value instanceof z.ZodMiniType)) continue;
      const json = z.toJSONSchema(value, { target: 'draft-2020-12', io: 'output', unrepresentable: 'any', reused: 'inline', cycles: 'throw' }) as Record<string, unknown>;
      delete json['$schema'];
      out[file]![name] = json;
    }
  }
  return out;
}

if (process.argv[1] !== undefined && import.meta.url === pathToFileURL(process.argv[1]).href) {
  mkdirSync('packages/widgets/build/generated', { recursive: true });
  writeFileSync('packages/widgets/build/generated/schemas.json', `${JSON.stringify(schemasAsJson())}\n`);
}
