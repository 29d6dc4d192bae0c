import { expect, fixture, html, waitUntil } from '@open-wc/testing';
import { LitElement } from 'lit';
import '../testing/demo-topics.js';
import type { BlauwDemoTopics } from '../testing/demo-topics.js';
import { fakeClient, topicsPage } from '../testing/fake-client.js';
import { formattersFor } from './formatters.js';
import { toLanguage } from './language.js';

const titles = {
  nl: 'Waarover wilt u een afspraak?',
  fr: 'Pour quel sujet souhaitez-vous un rendez-vous ?',
  de: 'Worum geht es bei Ihrem Termin?',
  en: 'What is your appointment about?',
};

// Places a widget inside its shadow root, with no `lang` of its own.
class TestLangShadow extends LitElement {
  protected override render() {
    return html`<blauw-demo-topics .client=${fakeClient([topicsPage('x')])}></blauw-demo-topics>`;
  }
}
customElements.define('test-lang-shadow', TestLangShadow);

const heading = (widget: Element) => widget.shadowRoot?.querySelector('h2')?.textContent?.trim();

async function speaks(widget: Element, language: keyof typeof titles): Promise<void> {
  await waitUntil(() => heading(widget) === titles[language], `expected ${language}, heading is "${heading(widget)}"`);
}

describe('widget language', () => {
  it('follows the widget’s own lang over the page’s', async () => {
    const wrapper = await fixture(html`
      <div lang="fr"><blauw-demo-topics lang="de" .client=${fakeClient([topicsPage('x')])}></blauw-demo-topics></div>
    `);
    await speaks(wrapper.querySelector('blauw-demo-topics')!, 'de');
  });

  it('follows the nearest ancestor with lang, across a shadow root', async () => {
    const wrapper = await fixture(html`<div lang="en"><section lang="de"><test-lang-shadow></test-lang-shadow></section></div>`);
    const host = wrapper.querySelector('test-lang-shadow')!;
    await speaks(host.shadowRoot!.querySelector('blauw-demo-topics')!, 'de');
  });

  it('speaks French for fr-BE', async () => {
    const widget = await fixture<BlauwDemoTopics>(html`<blauw-demo-topics lang="fr-BE" .client=${fakeClient([topicsPage('x')])}></blauw-demo-topics>`);
    await speaks(widget, 'fr');
  });

  it('speaks Dutch for a language it does not know', async () => {
    const widget = await fixture<BlauwDemoTopics>(html`<blauw-demo-topics lang="es" .client=${fakeClient([topicsPage('x')])}></blauw-demo-topics>`);
    await speaks(widget, 'nl');
  });

  it('speaks Dutch when nothing on the page has a lang', async () => {
    const widget = await fixture<BlauwDemoTopics>(html`<blauw-demo-topics .client=${fakeClient([topicsPage('x')])}></blauw-demo-topics>`);
    const html_ = document.documentElement;
    const pageLang = html_.getAttribute('lang');
    html_.removeAttribute('lang');
    try {
      widget.remove();
      document.body.append(widget);
      await speaks(widget, 'nl');
    } finally {
      if (pageLang !== null) html_.setAttribute('lang', pageLang);
    }
  });

  it('switches language when an ancestor’s lang changes, also across a shadow root', async () => {
    const wrapper = await fixture(html`<div lang="nl"><test-lang-shadow></test-lang-shadow></div>`);
    const widget = wrapper.querySelector('test-lang-shadow')!.shadowRoot!.querySelector('blauw-demo-topics')!;
    await speaks(widget, 'nl');
    wrapper.setAttribute('lang', 'fr');
    await speaks(widget, 'fr');
  });

  it('switches language when an ancestor without lang gains one', async () => {
    const wrapper = await fixture(html`<div lang="nl"><p><blauw-demo-topics .client=${fakeClient([topicsPage('x')])}></blauw-demo-topics></p></div>`);
    const widget = wrapper.querySelector('blauw-demo-topics')!;
    await speaks(widget, 'nl');
    wrapper.querySelector('p')!.lang = 'en';
    await speaks(widget, 'en');
  });

  it('switches language when its own lang changes', async () => {
    const widget = await fixture<BlauwDemoTopics>(html`<blauw-demo-topics lang="nl" .client=${fakeClient([topicsPage('x')])}></blauw-demo-topics>`);
    widget.lang = 'de';
    await speaks(widget, 'de');
  });

  it('lets two widgets on one page speak different languages', async () => {
    const wrapper = await fixture(html`
      <div>
        <blauw-demo-topics lang="fr" .client=${fakeClient([topicsPage('x')])}></blauw-demo-topics>
        <blauw-demo-topics lang="nl" .client=${fakeClient([topicsPage('x')])}></blauw-demo-topics>
      </div>
    `);
    const [french, dutch] = wrapper.querySelectorAll('blauw-demo-topics');
    await speaks(french!, 'fr');
    await speaks(dutch!, 'nl');
  });

  it('writes numbers in the message the Belgian way', async () => {
    const widget = await fixture<BlauwDemoTopics>(html`<blauw-demo-topics lang="nl" .client=${fakeClient([topicsPage('x')])}></blauw-demo-topics>`);
    expect(widget.locale.t('count', { count: 1234 })).to.equal('1.234 onderwerpen');
    expect(widget.locale.t('count')).to.equal('{count} onderwerpen');
  });
});

describe('language tags', () => {
  it('maps regional and mixed-case tags to their language, and others to nothing', () => {
    expect(toLanguage('nl-BE')).to.equal('nl');
    expect(toLanguage('FR-be')).to.equal('fr');
    expect(toLanguage('de_BE')).to.equal('de');
    expect(toLanguage('en-GB')).to.equal('en');
    expect(toLanguage('es')).to.equal(undefined);
    expect(toLanguage('')).to.equal(undefined);
  });
});

describe('formatters', () => {
  it('shows an instant in the zone’s time zone, whatever the browser’s', () => {
    const instant = '2026-07-01T12:30:00Z';
    expect(formattersFor('nl').time(instant, 'Europe/Brussels')).to.equal('14:30');
    expect(formattersFor('nl').time(instant, 'America/New_York')).to.equal('08:30');
  });

  it('is right across the switch to summer time', () => {
    const format = formattersFor('fr');
    // Belgium moves from 02:00 to 03:00 on 29 March 2026.
    expect(format.time('2026-03-29T00:30:00Z', 'Europe/Brussels')).to.equal('01:30');
    expect(format.time('2026-03-29T01:30:00Z', 'Europe/Brussels')).to.equal('03:30');
  });

  it('writes dates in the Belgian locale of each language', () => {
    const instant = '2026-04-06T08:00:00Z';
    expect(formattersFor('nl').date(instant, 'Europe/Brussels')).to.equal('maandag 6 april 2026');
    expect(formattersFor('fr').date(instant, 'Europe/Brussels')).to.equal('lundi 6 avril 2026');
    expect(formattersFor('de').date(instant, 'Europe/Brussels')).to.equal('Montag, 6. April 2026');
    expect(formattersFor('en').locale).to.equal('en-BE');
  });

  it('shows a calendar day as that day in any time zone', () => {
    expect(formattersFor('nl').day('2026-04-06')).to.equal('maandag 6 april 2026');
  });

  it('formats numbers and lists per language', () => {
    expect(formattersFor('fr').number(1234.5)).to.match(/^1\s234,5$/);
    expect(formattersFor('nl').list(['a', 'b', 'c'])).to.equal('a, b en c');
    expect(formattersFor('de').plural(1)).to.equal('one');
  });
});
