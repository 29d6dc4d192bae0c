import { virtualizerRef, type VirtualizerHostElement } from '@lit-labs/virtualizer/virtualize.js';

/** Resolves at the next animation frame. */
export const nextFrame = (): Promise<void> => new Promise<void>((resolve) => requestAnimationFrame(() => resolve()));

/**
 * The timeline's list (`role="feed"`) in its shadow root, for moving the reader's focus and view in
 * it: its virtualizer keeps only the articles in view in the page, so an article may need bringing
 * in before it can take focus.
 *
 * @example
 * ```ts
 * #list = new FeedFocus(() => this.renderRoot);
 * await this.#list.focus(index, rows.length);
 * ```
 */
export class FeedFocus {
  readonly #root: () => ParentNode;

  constructor(root: () => ParentNode) {
    this.#root = root;
  }

  /** The list, when it is in the page. */
  element(): (HTMLElement & VirtualizerHostElement) | null {
    return this.#root().querySelector<HTMLElement & VirtualizerHostElement>('[role="feed"]');
  }

  /** The article at `index` (0-based), when the virtualizer has it in the page. */
  article(index: number): HTMLElement | null {
    return this.#root().querySelector<HTMLElement>(`article[aria-posinset="${index + 1}"]`);
  }

  /** Scrolls the row at `index` into view, whether or not its article is in the page. */
  scrollTo(index: number, block: ScrollLogicalPosition): void {
    this.element()?.[virtualizerRef]?.element(index)?.scrollIntoView({ block });
  }

  /** Focuses the article at `index` of `size`, bringing it into the page first when the virtualizer had left it out. */
  async focus(index: number, size: number): Promise<void> {
    if (index < 0 || index >= size) return;
    let article = this.article(index);
    if (!article) {
      this.scrollTo(index, 'nearest');
      for (let frame = 0; frame < 10 && !article; frame++) {
        await nextFrame();
        article = this.article(index);
      }
    }
    article?.focus();
  }
}
