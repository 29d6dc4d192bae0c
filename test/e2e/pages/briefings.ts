// The page of test/e2e/briefings-intranet.test.ts: two <blauw-briefings> on one intranet page, the
// supervisor's (publisher view, `dev-supervisor`) and an officer's (`dev-officer`), each with its
// own client as two people's browsers would have. Bundled by the test with esbuild; `?api=` names
// the mock server.
import { createMessagingClient } from '@blauw/core';
import '../../../packages/widgets/src/briefings/briefings.js';

const api = new URLSearchParams(location.search).get('api') ?? '';
for (const [id, token, view] of [['publisher', 'dev-supervisor', 'publisher'], ['officer', 'dev-officer', 'officer']] as const) {
  const widget = document.createElement('blauw-briefings');
  widget.id = id;
  widget.setAttribute('view', view);
  widget.client = createMessagingClient({ baseUrl: api, getToken: () => token, timeout: 5000 });
  document.body.append(widget);
}
