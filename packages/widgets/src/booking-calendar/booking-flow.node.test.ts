import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { TRANSITIONS, firstStep, manageLink, manageTokenIn, previousStep, progress, stepsOf, transition, type FlowEvent, type Step } from './booking-flow.js';

const none = { topic: false, place: false };
const topicSet = { topic: true, place: false };
const both = { topic: true, place: true };

describe('the booking flow’s transition table', () => {
  it('runs a booking in four steps and a home-visit request in four, each ending in its confirmation', () => {
    const walk = (events: FlowEvent[]) => events.reduce<Step[]>((steps, event) => [...steps, transition(steps.at(-1)!, event, none)!], [firstStep(none)]);
    assert.deepEqual(walk(['next', 'next', 'next', 'booked']), ['topic', 'where', 'when', 'details', 'booked']);
    assert.deepEqual(walk(['next', 'homeVisit', 'next', 'requested']), ['topic', 'where', 'visit', 'details', 'requested']);
  });

  it('counts steps the same way on both paths, so "Step 3 of 3" never follows "Step 2 of 4"', () => {
    assert.deepEqual(progress('where', false, none), { n: 2, total: 4 });
    assert.deepEqual(progress('visit', true, none), { n: 3, total: 4 });
    assert.deepEqual(progress('details', true, none), { n: 4, total: 4 });
    assert.deepEqual(progress('visit', true, topicSet), { n: 2, total: 3 });
    assert.equal(progress('booked', false, none), undefined);
  });

  it('skips the steps a webmaster answered in advance', () => {
    assert.equal(firstStep(topicSet), 'where');
    assert.equal(firstStep(both), 'when');
    assert.deepEqual(stepsOf(false, both), ['when', 'details']);
    assert.equal(transition('booked', 'bookAnother', both), 'when');
  });

  it('moves a booking only after the new time is confirmed, and comes back to it after a change', () => {
    assert.equal(transition('manage', 'reschedule', none), 'newTime');
    assert.equal(transition('newTime', 'next', none), 'confirmMove');
    assert.equal(transition('confirmMove', 'done', none), 'manage');
    assert.equal(transition('cancel', 'done', none), 'manage');
  });

  it('ignores an event that means nothing at a step (a double click on a button already gone)', () => {
    assert.equal(transition('topic', 'booked', none), undefined);
    assert.equal(transition('booked', 'next', none), undefined);
    // Every step has somewhere to go: no dead ends.
    for (const [step, events] of Object.entries(TRANSITIONS)) assert.ok(Object.keys(events).length > 0, step);
  });

  it('goes back one step without history too, and never before the first', () => {
    assert.equal(previousStep('details', false, none), 'when');
    assert.equal(previousStep('details', true, none), 'visit');
    assert.equal(previousStep('when', false, both), undefined);
    assert.equal(previousStep('manage', false, none), undefined);
  });
});

describe('manage links', () => {
  it('carry the token in the fragment, keeping the page’s query and its other fragment parameters', () => {
    const link = manageLink('https://www.gemeente.be/afspraak?tab=2#x=1', 'tok', undefined);
    const url = new URL(link);
    assert.equal(url.search, '?tab=2');
    assert.equal(new URLSearchParams(url.hash.slice(1)).get('blauw-manage'), 'tok');
    assert.equal(new URLSearchParams(url.hash.slice(1)).get('x'), '1');
    assert.equal(manageLink(link, undefined, undefined), 'https://www.gemeente.be/afspraak?tab=2#x=1');
  });

  it('open in the widget they name, or else in the first one', () => {
    const named = new URL(manageLink('https://example.be/', 'tok', 'second')).hash;
    assert.equal(manageTokenIn(named, 'second', false), 'tok');
    assert.equal(manageTokenIn(named, undefined, true), undefined);
    const plain = new URL(manageLink('https://example.be/', 'tok', undefined)).hash;
    assert.equal(manageTokenIn(plain, undefined, true), 'tok');
    assert.equal(manageTokenIn(plain, 'other', false), undefined);
    assert.equal(manageTokenIn('', undefined, true), undefined);
  });
});
