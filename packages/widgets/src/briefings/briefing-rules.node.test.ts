import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import type { Briefing, BriefingStatus } from '@blauw/core';
import { ACK_KIND, ackStates, isCurrent, orderBriefings, pendingName, safeLink, upsert, validityWords, withAcknowledgement } from './briefing-rules.js';

const BXL = 'Europe/Brussels';
const at = (iso: string) => Date.parse(iso);
const briefing = (id: string, over: Partial<Briefing> = {}): Briefing => ({
  id,
  title: id,
  text: '',
  priority: false,
  audience: { kind: 'team', teamId: 'team-hamme' },
  validFrom: '2027-03-10T05:00:00Z',
  validUntil: '2027-03-11T05:00:00Z',
  publishedAt: '2027-03-10T05:00:00Z',
  publishedBy: { id: 'sup-01', displayName: 'Commissaris Wouters', kind: 'supervisor' },
  attachments: [],
  acknowledgedAt: null,
  ...over,
});

describe('the order briefings are read in', () => {
  it('puts those not acknowledged first, then the urgent, then the newest', () => {
    const list = [
      briefing('acked-urgent', { priority: true, acknowledgedAt: '2027-03-10T06:00:00Z' }),
      briefing('old', { publishedAt: '2027-03-10T04:00:00Z' }),
      briefing('new', { publishedAt: '2027-03-10T06:00:00Z' }),
      briefing('urgent-old', { priority: true, publishedAt: '2027-03-09T20:00:00Z' }),
      briefing('acked-new', { acknowledgedAt: '2027-03-10T06:30:00Z', publishedAt: '2027-03-10T06:20:00Z' }),
    ];
    assert.deepEqual(
      orderBriefings(list).map((item) => item.id),
      ['urgent-old', 'new', 'old', 'acked-urgent', 'acked-new'],
    );
  });

  it('leaves the list it is given as it was', () => {
    const list = [briefing('b'), briefing('a', { priority: true })];
    orderBriefings(list);
    assert.deepEqual(list.map((item) => item.id), ['b', 'a']);
  });
});

describe('which briefings are current', () => {
  const item = briefing('b', { validFrom: '2027-03-10T22:00:00Z', validUntil: '2027-03-10T23:30:00Z' });
  it('from the start of its validity, up to but not at its end', () => {
    assert.equal(isCurrent(item, at('2027-03-10T21:59:59Z')), false);
    assert.equal(isCurrent(item, at('2027-03-10T22:00:00Z')), true);
    assert.equal(isCurrent(item, at('2027-03-10T23:29:59Z')), true);
    assert.equal(isCurrent(item, at('2027-03-10T23:30:00Z')), false);
  });
});

describe('the words of a validity, in Brussels', () => {
  it('says "today" for an end later the same Brussels day', () => {
    assert.equal(validityWords('2027-03-10T20:00:00Z', at('2027-03-10T08:00:00Z'), BXL), 'until.today');
  });
  it('says "tomorrow" at 23:30 UTC for an end at 06:00 the next morning: it is already tomorrow in Brussels', () => {
    // 23:30 UTC on 9 March is 00:30 on 10 March in Brussels; 05:00 UTC on 10 March is 06:00 there: today.
    assert.equal(validityWords('2027-03-10T05:00:00Z', at('2027-03-09T23:30:00Z'), BXL), 'until.today');
    // 22:30 UTC on 9 March is still 23:30 on the 9th in Brussels: the same end is tomorrow.
    assert.equal(validityWords('2027-03-10T05:00:00Z', at('2027-03-09T22:30:00Z'), BXL), 'until.tomorrow');
  });
  it('gives a date beyond tomorrow', () => {
    assert.equal(validityWords('2027-03-12T05:00:00Z', at('2027-03-10T08:00:00Z'), BXL), 'until.later');
  });
  it('counts days across the change to summer time', () => {
    // Sunday 28 March 2027, clocks go forward at 02:00 in Brussels: 21:30 UTC is 23:30 on Sunday,
    // tomorrow seen from 23:30 on Saturday (22:30 UTC); 22:30 UTC on Sunday is already Monday.
    assert.equal(validityWords('2027-03-28T21:30:00Z', at('2027-03-27T22:30:00Z'), BXL), 'until.tomorrow');
    assert.equal(validityWords('2027-03-28T22:30:00Z', at('2027-03-27T22:30:00Z'), BXL), 'until.later');
  });
});

describe('attachment links', () => {
  it('keeps an https link and gives its host', () => {
    assert.deepEqual(safeLink('https://intranet.pz-hamme.example/plans/kermis.pdf'), { href: 'https://intranet.pz-hamme.example/plans/kermis.pdf', host: 'intranet.pz-hamme.example' });
  });
  it('refuses javascript:, data:, http: and what is not a URL', () => {
    for (const url of ['javascript:alert(1)', ' JavaScript:alert(1)', 'data:text/html,<script>1</script>', 'http://intranet.example/', '//intranet.example/x', 'not a url', 'https://']) {
      assert.equal(safeLink(url), undefined, url);
    }
  });
});

describe('live changes', () => {
  const status: BriefingStatus = {
    briefingId: 'b-1',
    teams: [
      { teamId: 'team-hamme', name: 'Interventie Hamme', acknowledged: [{ officerId: 'o-2', displayName: 'An Claes', acknowledgedAt: '2027-03-10T06:10:00Z' }], pending: [{ officerId: 'o-1', displayName: 'Jan Peeters' }] },
      { teamId: 'team-zele', name: 'Wijk Zele', acknowledged: [], pending: [{ officerId: 'o-3', displayName: 'Sofie Maes' }] },
    ],
  };

  it('moves an officer from pending to acknowledged in their team, earliest first', () => {
    const next = withAcknowledgement(status, { briefingId: 'b-1', officerId: 'o-1', acknowledgedAt: '2027-03-10T06:05:00Z' });
    assert.deepEqual(next.teams[0]!.acknowledged.map((item) => item.officerId), ['o-1', 'o-2']);
    assert.deepEqual(next.teams[0]!.pending, []);
    assert.equal(next.teams[1], status.teams[1]);
  });

  it('changes nothing for another briefing, or an acknowledgement already counted', () => {
    assert.equal(withAcknowledgement(status, { briefingId: 'b-2', officerId: 'o-1', acknowledgedAt: '2027-03-10T06:05:00Z' }), status);
    assert.equal(withAcknowledgement(status, { briefingId: 'b-1', officerId: 'o-2', acknowledgedAt: '2027-03-10T06:10:00Z' }), status);
  });

  it('finds the name of a pending officer', () => {
    assert.equal(pendingName(status, 'o-3'), 'Sofie Maes');
    assert.equal(pendingName(status, 'o-2'), undefined);
  });

  it('adds a new briefing once, and replaces one it has', () => {
    const list = upsert([briefing('a')], briefing('b'));
    assert.deepEqual(list.map((item) => item.id), ['a', 'b']);
    assert.deepEqual(upsert(list, briefing('a', { title: 'new' })).map((item) => item.title), ['new', 'b']);
  });
});

describe('where an acknowledgement queued on the device stands', () => {
  const item = (ref: string, state: 'queued' | 'sending' | 'sent' | 'needs_attention', kind = ACK_KIND) => ({ kind, ref, state });

  it('waits for the network offline, is sending online or while sent, and is failed when refused', () => {
    const items = [item('b-1', 'queued'), item('b-2', 'sending'), item('b-3', 'sent'), item('b-4', 'needs_attention')];
    assert.deepEqual([...ackStates(items, false)], [['b-1', 'waiting'], ['b-2', 'sending'], ['b-3', 'sent'], ['b-4', 'failed']]);
    assert.equal(ackStates(items, true).get('b-1'), 'sending');
  });

  it('waits for the network online too when its last attempt reached nothing', () => {
    const items = [
      { ...item('b-1', 'queued'), lastFailure: { reason: 'network' as const } },
      { ...item('b-2', 'queued'), lastFailure: { reason: 'server' as const, status: 503 } },
    ];
    assert.deepEqual([...ackStates(items, true)], [['b-1', 'waiting'], ['b-2', 'sending']]);
  });

  it('reads only acknowledgements, and the last one queued for a briefing speaks', () => {
    const items = [item('b-1', 'needs_attention'), item('conv-1', 'queued', 'message'), item('b-1', 'queued')];
    assert.deepEqual([...ackStates(items, false)], [['b-1', 'waiting']]);
  });
});
