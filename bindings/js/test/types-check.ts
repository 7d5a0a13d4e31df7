// Compiled by types.test.js with tsc --strict: the declarations describe what the package
// returns, and a mistake in using it is a type error.
import smtpcode, { explain, explainError, lookup, compare, entries, SmtpcodeError } from '../index.js';
import type { Entry, ErrorExplanation, Explanation, Comparison, ProviderEntry } from '../index.js';

async function main(): Promise<void> {
  await smtpcode.ready;
  const entry: Entry | null = lookup('535');
  if (entry !== null) {
    const title: string = entry.title;
    const retry: 'none' | 'later' | 'after_change' | 'never' = entry.retry;
    void title; void retry;
  }
  const e: Explanation = explain('550 5.1.1 x', { rcpt: 'example.com' });
  const code: number | null = e.basic_code;
  const why: ErrorExplanation = explainError(new Error('x'));
  const message: string = why.message;
  const first: ErrorExplanation | undefined = why.replies['a@example.com'];
  const c: Comparison = compare('235', '535');
  if (c.kind === 'codes') {
    const t: string = c.a.title;
    void t;
  }
  const listed: string = entries('5xx')[0].title;
  const google = entries<ProviderEntry>('google')[0].meaning;
  void google;
  try {
    lookup('abc');
  } catch (err) {
    if (err instanceof SmtpcodeError) {
      const name: string = err.code;
      void name;
    }
  }
  void code; void message; void first; void listed;
}
void main;
