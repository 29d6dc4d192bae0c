import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { pendingFromItem, percentOf, textToSend, wazeUrl, withUpload } from './chat-rules.js';

const item = (state: 'queued' | 'sending' | 'sent' | 'needs_attention') => ({
  clientId: 'c1',
  ref: 'conv-1',
  request: { method: 'POST' as const, path: 'conversations/conv-1/messages', body: { clientId: 'c1', text: 'Ter plaatse', priority: true } },
  state,
  queuedAt: 1,
  lastFailure: state === 'needs_attention' ? { reason: 'refused' as const, status: 400, code: 'validation_failed' } : undefined,
});

describe('a message on its way', () => {
  it('is sending online, waiting offline, sent, or failed with the refusal’s code', () => {
    assert.equal(pendingFromItem(item('queued'), true).state, 'sending');
    assert.equal(pendingFromItem(item('queued'), false).state, 'waiting');
    assert.equal(pendingFromItem(item('sending'), false).state, 'sending');
    assert.equal(pendingFromItem(item('sent'), false).state, 'sent');
    const failed = pendingFromItem(item('needs_attention'), true);
    assert.deepEqual([failed.state, failed.code, failed.priority, failed.conversationId], ['failed', 'validation_failed', true, 'conv-1']);
  });

  it('is sending with its photo’s progress while the photo uploads, offline too, and without progress once sent or refused', () => {
    const withPhoto = (state: 'queued' | 'sent' | 'needs_attention') => {
      const base = item(state);
      return pendingFromItem({ ...base, request: { ...base.request, body: { ...base.request.body, attachments: ['p1'] } } }, false);
    };
    const uploads = new Map([['p1', { sent: 450, total: 1000 }]]);
    assert.deepEqual(withUpload(withPhoto('queued'), uploads), { state: 'sending', upload: { sent: 450, total: 1000 } });
    assert.deepEqual(withUpload(withPhoto('queued'), new Map()), { state: 'waiting', upload: undefined });
    assert.deepEqual(withUpload(withPhoto('sent'), uploads), { state: 'sent', upload: undefined });
    assert.deepEqual(withUpload(withPhoto('needs_attention'), uploads), { state: 'failed', upload: undefined });
    assert.deepEqual(withUpload(pendingFromItem(item('queued'), false), uploads), { state: 'waiting', upload: undefined });
  });

  it('counts an upload in whole percent, 100 only when every byte is there', () => {
    assert.equal(percentOf({ sent: 450, total: 1000 }), 45);
    assert.equal(percentOf({ sent: 999, total: 1000 }), 99);
    assert.equal(percentOf({ sent: 1000, total: 1000 }), 100);
    assert.equal(percentOf({ sent: 0, total: 0 }), 0);
  });

  it('is sent with its lines and without blank ends, and not at all when blank', () => {
    assert.equal(textToSend('  Ter plaatse\r\nKom je?  '), 'Ter plaatse\nKom je?');
    assert.equal(textToSend(' \n '), undefined);
  });

  it('opens Waze on the shared position', () => {
    assert.equal(wazeUrl({ lat: 51.0543, lon: 3.7174 }), 'https://waze.com/ul?ll=51.054300,3.717400&navigate=yes');
  });
});
