import assert from 'node:assert/strict';
import { mkdtempSync, readFileSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, describe, it } from 'node:test';
import { fileURLToPath } from 'node:url';
import { stripVTControlCharacters } from 'node:util';
import {
  Application,
  ContainerReflection,
  LogLevel,
  PackageJsonReader,
  ReflectionKind,
  TSConfigReader,
  TypeDocReader,
  type ProjectReflection,
} from 'typedoc';

// The API reference (`npm run docs`) is built from typedoc.json as the CLI builds it: convert,
// validate, render. Any warning fails, as `treatWarningsAsErrors` makes the CLI fail. The HTML goes
// to a temporary directory, never into the repository. A run takes about ten seconds; it may take a minute at most.
const root = fileURLToPath(new URL('..', import.meta.url));
const guidesDir = join(root, 'docs', 'guides');
const config = JSON.parse(readFileSync(join(root, 'typedoc.json'), 'utf8')) as { treatWarningsAsErrors?: boolean; defaultCategory?: string };

describe('the API reference (typedoc)', { timeout: 60_000 }, () => {
  const out = mkdtempSync(join(tmpdir(), 'blauw-typedoc-'));
  const messages: string[] = [];
  let app: Application;
  let project: ProjectReflection | undefined;

  before(async () => {
    // No ArgumentsReader: the test runner's own argv is not typedoc's.
    app = await Application.bootstrapWithPlugins({ options: join(root, 'typedoc.json'), out }, [
      new TypeDocReader(),
      new PackageJsonReader(),
      new TSConfigReader(),
    ]);
    const log = app.logger.log.bind(app.logger);
    // Warnings and errors are collected for the failure message and still printed (and counted);
    // "html generated at …" is not.
    app.logger.log = (message, level) => {
      if (level < LogLevel.Warn) return;
      messages.push(stripVTControlCharacters(message));
      log(message, level);
    };
    project = await app.convert();
    if (project) {
      app.validate(project);
      await app.generateOutputs(project);
    }
  }, { timeout: 60_000 });

  after(() => rmSync(out, { recursive: true, force: true }));

  it('builds without a warning or an error, and typedoc.json treats warnings as errors', () => {
    assert.equal(config.treatWarningsAsErrors, true, 'typedoc.json: set "treatWarningsAsErrors": true');
    assert.ok(project, 'typedoc could not convert the project');
    assert.deepEqual(messages, [], `typedoc reported:\n${messages.join('\n')}`);
    assert.equal(app.logger.warningCount + app.logger.errorCount, 0, 'typedoc counted warnings or errors');
  });

  it('documents @blauw/core and @blauw/widgets, not the mock server', () => {
    assert.deepEqual(project?.children?.map((module) => module.name).sort(), ['@blauw/core', '@blauw/widgets']);
  });

  it('puts every export of a package in a category, the SDK in Client, Resources, Offline, Errors and Schemas', () => {
    const fallback = config.defaultCategory ?? 'Other';
    for (const module of project?.children ?? []) {
      assert.ok(module instanceof ContainerReflection && module.categories, `${module.name} has no categories`);
      const uncategorized = module.categories.find((category) => category.title === fallback)?.children.map((child) => child.name) ?? [];
      assert.deepEqual(uncategorized, [], `${module.name}: exports without @category: ${uncategorized.join(', ')}`);
    }
    const core = project?.children?.find((module) => module.name === '@blauw/core');
    assert.deepEqual(core?.categories?.map((category) => category.title), ['Client', 'Resources', 'Offline', 'Errors', 'Schemas']);
    const widgets = project?.children?.find((module) => module.name === '@blauw/widgets');
    assert.equal(widgets?.categories?.[0]?.title, 'Widgets');
  });

  it('includes every guide in docs/guides', () => {
    assert.ok(project);
    const included = project
      .getReflectionsByKind(ReflectionKind.Document)
      .flatMap((document) => project!.files.getReflectionPath(document) ?? [])
      .map((path) => path.replace(/\\/g, '/'));
    const guides = readdirSync(guidesDir)
      .filter((file) => file.endsWith('.md'))
      .map((file) => join(guidesDir, file).replace(/\\/g, '/'));
    for (const guide of guides) assert.ok(included.includes(guide), `${guide} is not in the reference: list it in docs/guides/Guides.md's children`);
  });
});
