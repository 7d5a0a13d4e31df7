// The ES module entry point: the same functions, ready when the import is.
import smtpcode from './index.js';

await smtpcode.ready;

export const {
  ready, SmtpcodeError, version, abiVersion, lookup, explain, compare, search, entries,
  providers, providerEntries, marker, sanitize, explainError, memorySize,
} = smtpcode;
export default smtpcode;
