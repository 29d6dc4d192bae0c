// What both benchmark pages share: driving something once per frame or at a steady rate, and
// waiting for frames. Frame times themselves come from Chromium's trace (bench-timeline.ts).

/** Resolves after `count` animation frames. */
export function frames(count = 1): Promise<void> {
  return new Promise((resolve) => {
    const step = (left: number) => (left === 0 ? resolve() : requestAnimationFrame(() => step(left - 1)));
    step(count);
  });
}

/** Calls `drive(frameIndex)` once per animation frame until it returns false. */
export function everyFrame(drive: (frame: number) => boolean): Promise<void> {
  return new Promise((resolve) => {
    let frame = 0;
    const tick = () => (drive(frame++) ? requestAnimationFrame(tick) : resolve());
    requestAnimationFrame(tick);
  });
}

/** Calls `every(index)` `count` times, one every `intervalMs`; resolves with when the last call happened. */
export function atRate(count: number, intervalMs: number, every: (index: number) => void): Promise<number> {
  return new Promise((resolve) => {
    let calls = 0;
    const timer = setInterval(() => {
      every(calls++);
      if (calls < count) return;
      clearInterval(timer);
      resolve(performance.now());
    }, intervalMs);
  });
}

/** What each page offers the benchmark script, under `window.bench`. */
export interface BenchPage {
  /** Shows the history; resolves with the milliseconds until it is on screen. */
  load(): Promise<number>;
  /** Adds `count` live events at `perSecond`; resolves with the lag until the last one is shown, in ms. */
  absorb(count: number, perSecond: number): Promise<number>;
  /** Adds `count` live events at once; resolves with the milliseconds until they are shown. */
  burst(count: number): Promise<number>;
  /** Scrolls through the events (pans, for vis-timeline) for `ms` milliseconds. */
  scroll(ms: number): Promise<void>;
}
