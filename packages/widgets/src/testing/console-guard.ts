// Browser tests fail on any error our code causes: a browser's new rule (a CSP or Trusted Types
// refusal, an ARIA misuse Lit warns about) must show as a red test, not as a broken form.
import { expect } from '@open-wc/testing';

/**
 * Fails each test of the file (or `describe`) it is called in when the page logs an error or a
 * warning, or throws one uncaught, while the test runs. Lit's dev-mode notice is not ours.
 */
export function failOnConsoleErrors(): void {
  const logged: string[] = [];
  const original = { error: console.error, warn: console.warn };
  const onError = (event: ErrorEvent) => void logged.push(`uncaught: ${event.message}`);
  beforeEach(() => {
    logged.length = 0;
    console.error = (...args: unknown[]) => {
      logged.push(`error: ${args.map(String).join(' ')}`);
      original.error(...args);
    };
    console.warn = (...args: unknown[]) => {
      if (!String(args[0]).includes('Lit is in dev mode')) logged.push(`warn: ${args.map(String).join(' ')}`);
    };
    window.addEventListener('error', onError);
  });
  afterEach(() => {
    Object.assign(console, original);
    window.removeEventListener('error', onError);
    expect(logged, 'nothing logged to the console').to.deep.equal([]);
  });
}
