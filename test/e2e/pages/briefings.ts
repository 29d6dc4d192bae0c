// The page of test/e2e/briefings-intranet.test.ts: two <blauw-briefings> on one intranet page, the
// supervisor's (publisher view, `dev-supervisor`) and an officer's (`dev-officer`), each with its
// own client as two people's browsers would have. The officer's is a whole client, checks
// included, so their acknowledgements go through the device's outbox as on a field tablet.
// Bundled by the test with esbuild; `?api=` names the mock server.
import { createClient, createMessagingClient } from '@blauw/core';
import '../../../packages/widgets/src/briefings/briefings.js';

const api = new URLSearchParams(location.search).get('api') ?? '';
for (const [id, token, view] of [['publisher', 'dev-supervisor', 'publisher'], ['officer', 'dev-officer', 'officer']] as const) {
  const widget = document.createElement('blauw-briefings');
  widget.id = id;
  widget.setAttribute('view', view);
  const options = { baseUrl: api, getToken: () => token, timeout: 5000 };
  widget.client = view === 'officer' ? createClient(options) : createMessagingClient(options);
  document.body.append(widget);
}
