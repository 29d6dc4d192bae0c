import { expect, fixture, html } from '@open-wc/testing';
import '../index.js';

// Every widget's host: a block by default, gone when the page sets `hidden` on it (as on any
// element: an author `:host { display: block }` would otherwise win over the browser's own
// `[hidden]` rule), and inside, sizes that include padding and border.
const TAGS = [
  'blauw-booking-calendar',
  'blauw-briefings',
  'blauw-chat',
  'blauw-check-form',
  'blauw-check-list',
  'blauw-check-receipt',
  'blauw-field-logout',
  'blauw-incident-map',
  'blauw-incident-timeline',
  'blauw-record-lookup',
];

describe('every widget’s host', () => {
  it('covers every widget the package defines', () => {
    const defined = TAGS.filter((tag) => customElements.get(tag) !== undefined);
    expect(defined).to.deep.equal(TAGS);
  });

  for (const tag of TAGS) {
    it(`${tag} is a block, hidden by the hidden attribute, and sizes its parts border-box`, async () => {
      const wrapper = await fixture<HTMLDivElement>(html`<div></div>`);
      const el = document.createElement(tag);
      wrapper.append(el);
      await (el as HTMLElement & { updateComplete?: Promise<unknown> }).updateComplete;
      expect(getComputedStyle(el).display).to.equal('block');
      el.hidden = true;
      expect(getComputedStyle(el).display).to.equal('none');
      const probe = document.createElement('span');
      el.shadowRoot!.append(probe);
      expect(getComputedStyle(probe).boxSizing).to.equal('border-box');
      probe.hidden = true;
      expect(getComputedStyle(probe).display).to.equal('none');
    });
  }
});
