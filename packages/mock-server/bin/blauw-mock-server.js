#!/usr/bin/env node
// The `blauw-mock-server` command. It lives outside dist/ so npm can link it at install time,
// before the first build; the server itself is the built dist/cli.js.
import { existsSync } from 'node:fs';

const cli = new URL('../dist/cli.js', import.meta.url);
if (!existsSync(cli)) {
  console.error('blauw-mock-server is not built yet: run `npm run build` (or `npm start`) in the Blauw repository first.');
  process.exit(1);
}
await import(cli.href);
