// The <blauw-incident-timeline> side of `npm run bench:timeline`: the widget on a scripted client
// (the tests' fake) holding the same entries, its feed made to load all 10,000 of them.
import type { Incident, IncidentEvent } from '@blauw/core';
import { IncidentFeed } from '../../packages/widgets/src/incident-feed/incident-feed.js';
import '../../packages/widgets/src/incident-timeline/incident-timeline.js';
import { fakeIncidentsClient, incidentMessage } from '../../packages/widgets/src/testing/fake-incidents-client.js';
import type { BenchPage } from './frames.js';
import { atRate, everyFrame, frames } from './frames.js';
import type { TimelineBenchData } from './timeline-data.js';

const { benchData } = window as unknown as { benchData: TimelineBenchData };
const client = fakeIncidentsClient({ incidents: benchData.incidents, events: benchData.history, units: [] });
const now = Date.parse(benchData.history[0]!.at);
IncidentFeed.for(client, { historyLimit: benchData.history.length });
const byId = new Map<string, Incident>(benchData.incidents.map((incident) => [incident.id, incident]));
const timeline = document.createElement('blauw-incident-timeline');
timeline.style.setProperty('--blauw-timeline-height', '600px');
let next = 0;

const feed = () => timeline.shadowRoot?.querySelector<HTMLElement>('[role="feed"]');
const newestId = () => feed()?.querySelector<HTMLElement>('article[aria-posinset="1"]')?.dataset['id'];
const emit = (entry: IncidentEvent) => client.emit(incidentMessage(byId.get(entry.incidentId)!, entry));
const shown = async (done: () => boolean) => {
  while (!done()) await frames(1);
};

const page: BenchPage = {
  async load() {
    const started = performance.now();
    timeline.now = () => now;
    timeline.client = client;
    document.body.append(timeline);
    await shown(() => (feed()?.querySelectorAll('article').length ?? 0) > 0);
    await frames(1);
    return performance.now() - started;
  },
  async absorb(count, perSecond) {
    let last = '';
    const lastCallAt = await atRate(count, 1000 / perSecond, () => {
      const entry = benchData.live[next++ % benchData.live.length]!;
      last = entry.id;
      emit(entry);
    });
    await shown(() => newestId() === last);
    return performance.now() - lastCallAt;
  },
  async burst(count) {
    const started = performance.now();
    for (let i = 0; i < count; i++) emit({ ...benchData.live[i % benchData.live.length]!, id: `burst-${i}` });
    await shown(() => newestId() === `burst-${count - 1}`);
    return performance.now() - started;
  },
  async scroll(ms) {
    const scroller = feed()!;
    const started = performance.now();
    return everyFrame(() => {
      scroller.scrollTop += 120;
      return performance.now() - started < ms;
    });
  },
};
(window as unknown as { bench: BenchPage }).bench = page;
