// The test: <blauw-chat> in Chromium against the real blauw-mock-server process sends 100
// messages while the tab's connection drops at random (seeded, bounded) and the server fails
// requests, loses answers after committing and cuts streams. The receiving participant (the
// supervisor, on a stream of its own in Node) must get each message exactly once, in the order
// typed. Prints the figures.
import assert from 'node:assert/strict';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, describe, it } from 'node:test';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { createMessagingClient, type Message } from '@blauw/core';
import { launchChromium, pinnedContext } from '../support/keyboard-browser.js';
import { startMockServerProcess, type MockServerProcess } from '../support/mock-server-process.js';
import { bundlePages } from '../support/page-bundle.js';
import { serveStatic, type StaticServer } from '../support/static-server.js';

const NOW = '2027-03-06T13:30:00+01:00';
const TEAM = 'conv-team-noord';
const COUNT = 100;
// Chromium logs every request an offline page makes as a failed resource: expected here.
const offlineNoise = /Failed to load resource|ERR_INTERNET_DISCONNECTED|net::/;

/** A small seeded generator (mulberry32), so a failing run can be replayed. */
function seeded(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

async function until(condition: () => boolean, what: string, timeoutMs: number): Promise<void> {
  const started = performance.now();
  while (!condition()) {
    if (performance.now() - started > timeoutMs) assert.fail(`timed out after ${timeoutMs} ms waiting for ${what}`);
    await new Promise((resolve) => setTimeout(resolve, 20));
  }
}

describe('the chat on the intranet, against the real mock server', () => {
  let server: MockServerProcess;
  let site: StaticServer;
  let browser: Browser;
  let context: BrowserContext;
  let page: Page;
  let dir: string;
  const problems: string[] = [];

  before(async () => {
    server = await startMockServerProcess(['--seed', '5', '--now', NOW, '--stream-chaos', '5', '--fail-rate', '0.1', '--drop-after-commit', '0.1', '--heartbeat', '1000']);
    dir = mkdtempSync(join(tmpdir(), 'blauw-chat-'));
    await bundlePages({ chat: 'test/e2e/pages/chat.ts' }, dir);
    writeFileSync(join(dir, 'index.html'), '<!doctype html><html lang="nl"><head><meta charset="utf-8"><title>Chat</title><script type="module" src="chat.js"></script></head><body></body></html>');
    site = await serveStatic(dir);
    browser = await launchChromium();
    context = await pinnedContext(browser, NOW, problems);
    page = await context.newPage();
  });
  after(async () => {
    await context?.close();
    await browser?.close();
    await site?.close();
    await server?.stop();
    if (dir) rmSync(dir, { recursive: true, force: true });
  });

  it(`${COUNT} messages typed while the connection drops at random reach the other participant each once, in order`, async () => {
    const receiver = createMessagingClient({ baseUrl: server.api, getToken: () => 'dev-supervisor', retry: 0 });
    const stream = receiver.messaging.stream({ backoff: { random: () => Math.random() * 0.05 } });
    let drops = 0;
    let previous = stream.state;
    stream.addEventListener('statechange', () => {
      if (previous === 'live' && stream.state === 'reconnecting') drops++;
      previous = stream.state;
    });
    const received: Message[] = [];
    const reading = (async () => {
      for await (const event of stream) if (event.type === 'message.created' && event.message.conversationId === TEAM) received.push(event.message);
    })();
    await until(() => stream.state === 'live', 'the receiver’s stream to be live', 10_000);

    await page.goto(`${site.origin}/?api=${encodeURIComponent(server.api)}`);
    const chat = page.locator('blauw-chat');
    const textbox = chat.getByRole('textbox', { name: 'Bericht' });
    await textbox.waitFor();

    const random = seeded(20261130);
    const typed: string[] = [];
    let offline = false;
    let toggles = 0;
    const started = performance.now();
    for (let index = 0; index < COUNT; index++) {
      // About one message in six flips the network; never offline for more than 8 messages.
      if (random() < 1 / 6 || (offline && index % 8 === 0)) {
        offline = !offline;
        toggles++;
        await context.setOffline(offline);
      }
      const text = `Bericht ${index} van de patrouille`;
      typed.push(text);
      await textbox.fill(text);
      await textbox.press('Enter');
      if (random() < 0.2) await page.waitForTimeout(Math.floor(random() * 150));
    }
    if (offline) await context.setOffline(false);
    await until(() => received.length >= COUNT, `${COUNT} messages on the receiver’s stream (${received.length} so far)`, 90_000);
    const elapsed = performance.now() - started;
    await new Promise((resolve) => setTimeout(resolve, 500)); // a late duplicate would show now
    stream.close();
    await reading;

    // The sender's own screen: every message once, none left on its way.
    const shown = () =>
      page.evaluate(() => {
        const root = document.querySelector('blauw-chat')!.shadowRoot!;
        const texts = [...root.querySelectorAll('[part~="thread"] .text')].map((node) => node.textContent ?? '').filter((text) => text.endsWith(' van de patrouille'));
        return { shown: texts.length, distinct: new Set(texts).size, pending: [...root.querySelectorAll('.pending [part~="state"]')].map((node) => node.textContent?.trim()), status: root.querySelector('[part~="status"], [part~="alert"]')?.textContent?.trim() };
      });
    await page.waitForFunction(
      (count) => {
        const root = document.querySelector('blauw-chat')!.shadowRoot!;
        const texts = [...root.querySelectorAll('[part~="thread"] .text')].map((node) => node.textContent ?? '').filter((text) => text.endsWith(' van de patrouille'));
        return texts.length === count && root.querySelectorAll('.pending').length === 0;
      },
      COUNT,
      { timeout: 30_000 },
    ).catch(async (error: unknown) => assert.fail(`the sender's chat shows ${JSON.stringify(await shown())}: ${String(error)}`));
    const outbox = await page.evaluate(async () => {
      const items = await (window as unknown as { chatDevice: { queued(kind: string): Promise<{ state: string; attempts: number }[]> } }).chatDevice.queued('message');
      return { states: [...new Set(items.map((item) => item.state))], attempts: items.reduce((sum, item) => sum + item.attempts, 0) };
    });

    const sequences = received.map((message) => message.sequence);
    console.info(
      `chat-intranet: ${COUNT} messages in ${Math.round(elapsed)} ms; network toggled ${toggles} times; ` +
        `${outbox.attempts} send attempts for ${COUNT} messages (${outbox.attempts - COUNT} resends); receiver stream dropped ${drops} times; ` +
        `received ${received.length}, ${new Set(received.map((message) => message.clientId)).size} distinct, sequences ${sequences[0]}–${sequences.at(-1)}`,
    );
    assert.deepEqual(received.map((message) => message.text), typed, 'each once, in the order typed');
    assert.deepEqual(sequences, sequences.map((_, index) => sequences[0]! + index), 'consecutive sequences');
    assert.deepEqual(outbox.states, ['sent']);
    assert.ok(toggles >= 10, `the network dropped often (${toggles} toggles)`);
    assert.deepEqual(problems.filter((problem) => !offlineNoise.test(problem)), []);
  });
});
