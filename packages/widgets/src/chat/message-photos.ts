import type { ReactiveController, ReactiveElement } from 'lit';

/**
 * Where a photo's bytes come from: the server (a message's photo) or this device (the photo of a
 * message on its way); `undefined` when it is not there.
 */
export type PhotoSource = (signal: AbortSignal) => Promise<Blob | undefined>;

/**
 * What the chat shows of a photo: a placeholder while it loads (or waits to come into view), the
 * image by its object URL, a failure to retry, or text only where the page may not show it (a
 * Content-Security-Policy without `img-src blob:`).
 */
export type PhotoView = { state: 'loading' | 'failed' | 'unshowable'; url?: undefined } | { state: 'ready'; url: string };

interface Entry {
  state: 'idle' | 'loading' | 'ready' | 'failed' | 'unshowable';
  source: PhotoSource;
  blob?: Blob | undefined;
}

/**
 * The photos of the chat's thread: each fetched once, when its placeholder comes into view, and
 * kept by photo id while the widget lives; an object URL only for the photos rendered, revoked
 * when they leave the thread or the widget leaves the page.
 */
export class MessagePhotos implements ReactiveController {
  readonly #host: ReactiveElement;
  readonly #photos = new Map<string, Entry>();
  readonly #urls = new Map<string, string>();
  #shown = new Set<string>();
  #observer: IntersectionObserver | undefined;
  #aborts = new AbortController();

  constructor(host: ReactiveElement) {
    this.#host = host;
    host.addController(this);
  }

  /**
   * What to render for a photo (called while rendering); the latest source given is the one a
   * retry uses. Without a source, only a photo already known shows.
   */
  view(photoId: string, source?: PhotoSource): PhotoView {
    this.#shown.add(photoId);
    const entry = this.#photos.get(photoId) ?? (source ? { state: 'idle', source } : undefined);
    if (!entry) return { state: 'failed' };
    entry.source = source ?? entry.source;
    this.#photos.set(photoId, entry);
    const { state, blob } = entry;
    if (state !== 'ready' || !blob) return { state: state === 'failed' || state === 'unshowable' ? state : 'loading' };
    let url = this.#urls.get(photoId);
    if (url === undefined) this.#urls.set(photoId, (url = URL.createObjectURL(blob)));
    return { state: 'ready', url };
  }

  /** Fetches a photo again after a failure. */
  retry(photoId: string): void {
    this.#load(photoId);
  }

  /** The page refused to show the image (its CSP forbids `blob:` images): text from now on. */
  unshowable(photoId: string): void {
    const entry = this.#photos.get(photoId);
    if (entry) entry.state = 'unshowable';
    this.#revoke(photoId);
    this.#host.requestUpdate();
  }

  hostUpdate(): void {
    this.#shown = new Set();
  }

  hostUpdated(): void {
    for (const photoId of this.#urls.keys()) if (!this.#shown.has(photoId)) this.#revoke(photoId);
    // Placeholders are fetched when seen; without an IntersectionObserver, at once.
    for (const placeholder of this.#host.renderRoot.querySelectorAll<HTMLElement>('[data-photo]')) {
      const photoId = placeholder.dataset['photo'] ?? '';
      if (this.#photos.get(photoId)?.state !== 'idle') continue;
      if (typeof IntersectionObserver === 'undefined') this.#load(photoId);
      else (this.#observer ??= new IntersectionObserver((entries) => this.#seen(entries))).observe(placeholder);
    }
  }

  hostDisconnected(): void {
    this.#aborts.abort();
    this.#aborts = new AbortController();
    this.#observer?.disconnect();
    this.#observer = undefined;
    for (const photoId of [...this.#urls.keys()]) this.#revoke(photoId);
    // Downloads cut short start again when the widget is back; fetched photos stay.
    for (const entry of this.#photos.values()) if (entry.state === 'loading') entry.state = 'idle';
  }

  #seen(entries: IntersectionObserverEntry[]): void {
    for (const { isIntersecting, target } of entries) {
      if (!isIntersecting) continue;
      this.#observer?.unobserve(target);
      this.#load((target as HTMLElement).dataset['photo'] ?? '');
    }
  }

  #load(photoId: string): void {
    const entry = this.#photos.get(photoId);
    if (!entry || entry.state === 'loading' || entry.state === 'ready') return;
    entry.state = 'loading';
    const signal = this.#aborts.signal;
    const settle = (blob: Blob | undefined) => {
      // A download the widget's departure cut short is not a failure: it starts again on return.
      if (signal.aborted || entry.state !== 'loading') return;
      entry.blob = blob;
      entry.state = blob ? 'ready' : 'failed';
      this.#host.requestUpdate();
    };
    // A failed download shows as such, with a retry; the officer needs nothing more.
    entry.source(signal).then(settle, () => settle(undefined));
    this.#host.requestUpdate();
  }

  #revoke(photoId: string): void {
    const url = this.#urls.get(photoId);
    if (url !== undefined) URL.revokeObjectURL(url);
    this.#urls.delete(photoId);
  }
}
