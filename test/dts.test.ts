import assert from 'node:assert/strict';
import { existsSync, readFileSync } from 'node:fs';
import { describe, it } from 'node:test';
import { fileURLToPath } from 'node:url';

// What a TypeScript user of @blauw/core gets: the .d.ts that rollup-plugin-dts bundles (run
// `npm run build` first). Object types must be named interfaces with a comment per field, which an
// editor shows on hover; `type Office = z.infer<typeof Office>` would show an expanded literal and
// lose every field comment, since comments inside a z.object shape never reach a declaration file.
const file = fileURLToPath(new URL('../packages/core/dist/index.d.ts', import.meta.url));

describe('the published types of @blauw/core', () => {
  const dts = existsSync(file) ? readFileSync(file, 'utf8') : '';

  /** The body of `interface <name> … { … }`, up to its closing brace at the start of a line. */
  const body = (name: string): string => {
    const match = new RegExp(`^(?:export )?interface ${name}(?: extends [\\w<>, ]+)? \\{\\n([\\s\\S]*?)^\\}`, 'm').exec(dts);
    assert.ok(match, `dist/index.d.ts has no \`interface ${name} {\``);
    return match[1]!;
  };

  it('exist (run npm run build first)', () => {
    assert.ok(dts.length > 0, `${file} is missing: run npm run build`);
  });

  it('declare Office as an interface whose fields keep their comments', () => {
    assert.match(body('Office'), /\/\*\* The shortest time between booking and the appointment, in minutes\. \*\/\n\s+minLeadMinutes: number;/);
    assert.doesNotMatch(dts, /type Office = z\.infer/);
  });

  it('declare every object schema as an interface of the same name, each field with a comment', () => {
    const objects = [...dts.matchAll(/^declare const (\w+): z\.(?:ZodMiniObject|ZodMiniUnion)</gm)].map((match) => match[1]!);
    assert.ok(objects.length > 40, `only ${objects.length} object schemas found`);
    const aliases = objects.filter((name) => new RegExp(`^type ${name} = z\\.infer`, 'm').test(dts));
    assert.deepEqual(aliases, [], 'these are z.infer aliases again');
    // A union of plain values (CheckAnswer) is written out as a type of its own, not an interface.
    const writtenOut = (name: string) => new RegExp(`^type ${name} = (?!z\\.infer)`, 'm').test(dts);
    for (const name of objects.filter((candidate) => candidate !== 'Managed' && !writtenOut(candidate))) {
      const lines = body(name).split('\n');
      // Each field (`name: type;` / `name?: type;`) follows the end of its comment.
      lines.forEach((line, index) => {
        if (/^ {4}[\w[]+.*\??: /.test(line)) assert.match(lines[index - 1] ?? '', /\*\/$/, `${name}: no comment on \`${line.trim()}\``);
      });
    }
  });

  it('types an extensible enum as its known values or any string, and says so', () => {
    assert.match(body('ClosedDay'), /Extensible: handle unknown values[\s\S]*reason: 'holiday' \| 'closure' \| \(string & \{\}\);/);
    assert.match(body('Booking'), /status: 'confirmed' \| 'cancelled';/);
  });
});
