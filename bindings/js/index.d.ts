// Types of smtpcode: the objects are the JSON contract's (README, "JSON"), keys as the
// library writes them. Keys may be added in later versions, never renamed or removed.

export type Actor = 'none' | 'sender' | 'sender_admin' | 'recipient' | 'recipient_admin';
export type Retry = 'none' | 'later' | 'after_change' | 'never';
export type Stage = 'connect' | 'helo' | 'starttls' | 'auth' | 'mail' | 'rcpt' | 'data' |
  'end_of_data' | 'bdat' | 'rset' | 'vrfy' | 'expn' | 'etrn' | 'noop' | 'quit' | 'help' | 'atrn';

export interface ProviderUse {
  provider: string;
  id: string;
  match: string;
  title: string;
  summary: string;
}

/** What a code means: the entry object. */
export interface Entry {
  code: string;
  canonical: string;
  kind: 'basic' | 'enhanced';
  class: 2 | 3 | 4 | 5 | null;
  class_name: string | null;
  status: 'standard' | 'nonstandard' | 'deprecated';
  registered: boolean;
  /** Why the answer covers less than the code asked (5.7.708); absent otherwise. */
  note?: string;
  title: string;
  summary: string | null;
  description: string;
  when_seen: string;
  how_to_fix: string;
  who_acts: Actor;
  retry: Retry;
  references: string[];
  related: string[];
  scope: string;
  stages: Stage[];
  next: string;
  provider_uses: ProviderUse[];
  /** Enhanced entries only. */
  subject?: number | null;
  subject_name?: string | null;
  detail?: number | null;
  basic_codes?: number[];
  rfc_classes?: number[];
}

export interface Provider {
  id: string;
  name: string;
  entries: number;
  verified: string | null;
}

export interface ProviderMatch {
  id: string;
  name: string;
  evidence: 'signature' | 'help_url' | 'remote_host' | 'hint_provider' | 'hint_host' | 'hint_rcpt';
  matched: string | null;
  confidence: 'high' | 'medium' | 'low';
}

/** What a provider means by a reply, with its source and the date it was verified. */
export interface ProviderEntry {
  id: string;
  provider: string;
  match: 'marker' | 'codes_text' | 'codes' | 'range';
  marker: string | null;
  title: string;
  summary: string;
  meaning: string;
  how_to_fix: string;
  who_acts: Actor;
  retry: Retry;
  suppress_recipient: boolean;
  documented: 'documented' | 'observed' | 'doc_differs';
  wire_code: string | null;
  source: string;
  source_copy: string | null;
  verified: string | null;
}

/** What a reply means: the explain object. `text` is the server's own: show it through
 * sanitize(). */
export interface Explanation {
  basic_code: number | null;
  enhanced_code: string | null;
  status_code: string | null;
  stage: string | null;
  stage_token: Stage | null;
  text: string | null;
  message: string | null;
  remote_host: string | null;
  remote_ip: string | null;
  form: string | null;
  provider: ProviderMatch | null;
  provider_entry: ProviderEntry | null;
  basic: Entry | null;
  enhanced: Entry | null;
  warnings: string[];
}

/** explainError's result: always a message, and one explanation per refused recipient. */
export interface ErrorExplanation extends Explanation {
  message: string;
  replies: Record<string, ErrorExplanation>;
}

export interface PairNote {
  separates: string;
  how_to_tell: string;
  what_to_do: string;
}

export type Comparison =
  | { kind: 'codes'; a: Entry; b: Entry; differences: string[]; note: PairNote | null }
  | { kind: 'replies'; a: Explanation; b: Explanation; differences: string[]; note: PairNote | null };

/** Who sent a reply, as far as the caller knows. */
export interface Hints {
  /** A provider id: "google", "microsoft365". */
  provider?: string;
  /** The server's host name. */
  host?: string;
  /** The recipient's domain. */
  rcpt?: string;
}

/** An error return of the library. */
export class SmtpcodeError extends Error {
  /** The error's name: "SMTPCODE_ESYNTAX". */
  code: string;
  /** Its value: -5. */
  errno: number;
  notFound?: boolean;
}

export type Text = string | Uint8Array;

/** Resolves when the WebAssembly module is loaded; every other function needs it. */
export const ready: Promise<void>;
export function version(): string;
export function abiVersion(): number;
export function lookup(code: Text): Entry | null;
export function explain(text: Text, hints?: Hints): Explanation;
export function compare(a: Text, b: Text, hints?: Hints): Comparison;
export function search(...words: Text[]): Entry[];
export function search(words: Text[]): Entry[];
/** Entries for a code filter; for "providers" the providers, for a provider id its entries
 * (name the element type then: entries<ProviderEntry>('google')). */
export function entries<T extends Entry | Provider | ProviderEntry = Entry>(filter?: Text | null): T[];
export function providers(): Provider[];
export function providerEntries(id: Text): ProviderEntry[];
export function marker(token: Text): ProviderEntry | null;
export function sanitize(text: Text): string;
export function explainError(err: unknown, hints?: Hints): ErrorExplanation;
export function memorySize(): number;

declare const smtpcode: {
  ready: typeof ready;
  SmtpcodeError: typeof SmtpcodeError;
  version: typeof version;
  abiVersion: typeof abiVersion;
  lookup: typeof lookup;
  explain: typeof explain;
  compare: typeof compare;
  search: typeof search;
  entries: typeof entries;
  providers: typeof providers;
  providerEntries: typeof providerEntries;
  marker: typeof marker;
  sanitize: typeof sanitize;
  explainError: typeof explainError;
  memorySize: typeof memorySize;
};
export default smtpcode;
