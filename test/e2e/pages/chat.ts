// The page of test/e2e/chat-intranet.test.ts: <blauw-chat> signed in as the dev officer, on a
// FieldDevice of its own whose outbox waits little between attempts (the test toggles the network
// every few messages). Bundled by the test with esbuild; `?api=` names the mock server.
import { FieldDevice, createClient } from '@blauw/core';
import '../../../packages/widgets/src/chat/chat.js';

const api = new URLSearchParams(location.search).get('api') ?? '';
const client = createClient({ baseUrl: api, getToken: () => 'dev-officer', timeout: 5000 });
const device = await FieldDevice.for(client.checks, { name: 'blauw-chat-e2e', backoff: { base: 50, cap: 400 }, probeMs: 500 });
const chat = document.createElement('blauw-chat');
Object.assign(chat, { client, device, conversation: 'conv-team-noord', participant: 'officer-01' });
document.body.append(chat);
(window as unknown as { chatDevice: FieldDevice }).chatDevice = device;
