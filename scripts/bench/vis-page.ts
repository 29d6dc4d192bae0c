// The vis-timeline side of `npm run bench:timeline`: the same entries as items of one DataSet,
// with vis-timeline's default options (stacked items) and the last two hours in view.
import type { IncidentEvent } from '@blauw/core';
import type { BenchPage } from './frames.js';
import { atRate, everyFrame, frames } from './frames.js';
import type { TimelineBenchData } from './timeline-data.js';

interface VisGlobal {
  DataSet: new (items: unknown[]) => { add(item: unknown): void; length: number };
  Timeline: new (container: HTMLElement, items: unknown, options: Record<string, unknown>) => {
    getWindow(): { start: Date; end: Date };
    setWindow(start: number, end: number, options: { animation: boolean }): void;
  };
}
const { vis, benchData } = window as unknown as { vis: VisGlobal; benchData: TimelineBenchData };

const item = (entry: IncidentEvent) => ({ id: entry.id, start: entry.at, content: `${entry.kind} ${entry.unit ?? ''} ${entry.text ?? ''}`.trim(), title: entry.incidentId });
const container = document.getElementById('timeline')!;
let data: InstanceType<VisGlobal['DataSet']>;
let timeline: InstanceType<VisGlobal['Timeline']>;
let next = 0;

const page: BenchPage = {
  async load() {
    const started = performance.now();
    data = new vis.DataSet(benchData.history.map(item));
    const end = new Date(benchData.history[0]!.at).getTime();
    timeline = new vis.Timeline(container, data, { height: '600px', start: end - 2 * 3600_000, end: end + 60_000 });
    await frames(2);
    return performance.now() - started;
  },
  async absorb(count, perSecond) {
    const lastCallAt = await atRate(count, 1000 / perSecond, () => data.add(item(benchData.live[next++ % benchData.live.length]!)));
    await frames(2);
    return performance.now() - lastCallAt;
  },
  async burst(count) {
    const started = performance.now();
    // One add of them all, as vis-timeline would be fed a burst (an add each redraws each time).
    data.add(Array.from({ length: count }, (_, i) => item({ ...benchData.live[i % benchData.live.length]!, id: `burst-${i}` })));
    await frames(2);
    return performance.now() - started;
  },
  async scroll(ms) {
    const { start, end } = timeline.getWindow();
    const width = end.getTime() - start.getTime();
    const started = performance.now();
    return everyFrame((frame) => {
      // Back in time, a tenth of the window per frame, as a reader dragging through the day.
      const shift = frame * width * 0.1;
      timeline.setWindow(start.getTime() - shift, end.getTime() - shift, { animation: false });
      return performance.now() - started < ms;
    });
  },
};
(window as unknown as { bench: BenchPage }).bench = page;
