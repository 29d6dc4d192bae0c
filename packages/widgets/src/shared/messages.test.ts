import { expect } from '@open-wc/testing';
import { BlauwError, NetworkError, NotFoundError, type ErrorKind } from '@blauw/core';
import { LANGUAGES } from './language.js';
import { errorMessageKey, sharedMessages } from './messages.js';
import { toBlauwError } from './to-blauw-error.js';

const placeholders = (text: string) => [...text.matchAll(/\{(\w+)\}/g)].map((match) => match[1]).sort();

describe('shared messages', () => {
  it('has every string in nl, fr, de and en, none empty, with the same placeholders', () => {
    const keys = Object.keys(sharedMessages.nl).sort();
    for (const language of LANGUAGES) {
      const catalog: Record<string, string> = sharedMessages[language];
      expect(Object.keys(catalog).sort(), language).to.deep.equal(keys);
      for (const key of keys) {
        expect(catalog[key]?.trim(), `${language}.${key}`).to.not.equal('');
        expect(placeholders(catalog[key] ?? ''), `${language}.${key}`).to.deep.equal(placeholders(sharedMessages.nl[key as keyof typeof sharedMessages.nl]));
      }
    }
  });

  it('explains every error kind in every language', () => {
    const kinds: ErrorKind[] = ['validation', 'not_found', 'conflict', 'unauthenticated', 'forbidden', 'rate_limited', 'network', 'timeout', 'response_shape', 'server', 'aborted', 'configuration'];
    for (const kind of kinds) {
      const key = errorMessageKey({ kind } as BlauwError);
      for (const language of LANGUAGES) expect(sharedMessages[language][key], `${language} ${kind}`).to.be.a('string').and.not.equal('');
    }
  });

  it('tells an offline user to reconnect rather than that the server is down', () => {
    expect(errorMessageKey(new NetworkError('x', { offline: true }))).to.equal('error.offline');
    expect(errorMessageKey(new NetworkError('x', { offline: false }))).to.equal('error.network');
    expect(errorMessageKey(new NotFoundError('x'))).to.equal('error.not_found');
  });
});

describe('toBlauwError', () => {
  it('keeps Blauw errors, also from another bundle’s copy of the class', () => {
    const own = new NotFoundError('x');
    expect(toBlauwError(own)).to.equal(own);
    // What another copy of @blauw/core's ConflictError looks like to this one: another class,
    // carrying the brand every copy puts on its errors.
    const foreign = Object.defineProperty(Object.assign(new Error('x'), { kind: 'conflict' }), Symbol.for('blauw.error'), { value: true });
    expect(toBlauwError(foreign)).to.equal(foreign);
    // An error that merely has a `kind` is not one of ours.
    expect(toBlauwError(Object.assign(new Error('y'), { kind: 'conflict' }))).to.have.property('kind', 'server');
  });

  it('wraps anything else, keeping it as the cause', () => {
    const bug = new RangeError('bug');
    const wrapped = toBlauwError(bug);
    expect(wrapped).to.be.instanceOf(BlauwError);
    expect(wrapped.kind).to.equal('server');
    expect(wrapped.cause).to.equal(bug);
    expect(toBlauwError(new DOMException('stop', 'AbortError')).kind).to.equal('aborted');
  });
});
