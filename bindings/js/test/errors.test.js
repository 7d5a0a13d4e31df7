'use strict';
// explainError on what Node mail code holds, built by hand: the shapes of nodemailer's
// errors, strings, and anything else.
const test = require('node:test');
const assert = require('node:assert/strict');
const smtpcode = require('..');

test.before(() => smtpcode.ready);

const AUTH = '535-5.7.8 Username and Password not accepted. For more information, go to\n' +
  '535 5.7.8  https://support.google.com/mail/?p=BadCredentials a1-2 - gsmtp';

test('a string is explained as a reply', () => {
  const e = smtpcode.explainError('Invalid login: ' + AUTH);
  assert.equal(e.basic_code, 535);
  assert.equal(e.enhanced_code, '5.7.8');
  assert.equal(e.provider_entry.id, 'google/BadCredentials');
  assert.deepEqual(e.replies, {});
  const { replies, ...rest } = e;
  assert.deepEqual(rest, smtpcode.explain('Invalid login: ' + AUTH));
});

test('an error with a response', () => {
  const err = Object.assign(new Error('Invalid login: ' + AUTH), { code: 'EAUTH', response: AUTH, responseCode: 535, command: 'AUTH PLAIN' });
  const e = smtpcode.explainError(err);
  assert.equal(e.message, smtpcode.explain(AUTH).message);
  assert.deepEqual(e.replies, {});
});

test('a bare responseCode is rebuilt by the library', () => {
  const e = smtpcode.explainError({ responseCode: 421 });
  assert.equal(e.basic_code, 421);
  assert.equal(e.message, smtpcode.explain('421').message);
  assert.equal(smtpcode.explainError({ responseCode: -1 }).basic_code, null);
});

test('rejectedErrors: one reply per recipient, the first at the top', () => {
  const r1 = { recipient: 'nobody@gmail.com', response: '550 5.1.1 The email account that you tried to reach does not exist.', responseCode: 550 };
  const r2 = { recipient: 'full@example.net', response: '452 4.2.2 over quota', responseCode: 452 };
  const err = Object.assign(new Error("Can't send mail - all recipients were rejected"), { code: 'EENVELOPE', response: r2.response, rejectedErrors: [r1, r2] });
  const e = smtpcode.explainError(err);
  assert.deepEqual(Object.keys(e.replies), ['nobody@gmail.com', 'full@example.net']);
  assert.equal(e.replies['nobody@gmail.com'].enhanced_code, '5.1.1');
  assert.equal(e.replies['full@example.net'].basic_code, 452);
  assert.equal(e.basic_code, 550);
  assert.equal(e.message, e.replies['nobody@gmail.com'].message);
  // the recipient's domain is no hint: the server that refused it is most often a relay
  assert.equal(e.replies['nobody@gmail.com'].provider, null);
  const twice = smtpcode.explainError({ rejectedErrors: [r1, Object.assign({}, r2, { recipient: r1.recipient })] });
  assert.deepEqual(Object.keys(twice.replies), ['nobody@gmail.com']);
  assert.equal(twice.basic_code, 550);
});

test('a recipient named __proto__ is a recipient like any other', () => {
  const e = smtpcode.explainError({ rejectedErrors: [{ recipient: '__proto__', response: '550 5.1.1 x' }] });
  assert.deepEqual(Object.keys(e.replies), ['__proto__']);
  assert.equal(e.basic_code, 550);
  assert.ok(e.message);
});

test('an error that wraps one, and the message that names the command', () => {
  const inner = Object.assign(new Error('Invalid login: ' + AUTH), { response: AUTH, responseCode: 535 });
  const e = smtpcode.explainError(new Error('sending failed', { cause: inner }));
  assert.equal(e.enhanced_code, '5.7.8');
  assert.equal(e.stage_token, 'auth'); // read from "Invalid login:"
  assert.equal(smtpcode.explainError(Object.assign(new Error('x'), { cause: 5 })).basic_code, null);
});

test('hints: an unknown provider is named, a hint that is no object refused', () => {
  for (const provider of ['nosuch', '']) {
    assert.throws(() => smtpcode.explainError('550 5.1.1 x', { provider }),
      (e) => e instanceof smtpcode.SmtpcodeError && e.code === 'SMTPCODE_ENOTFOUND' && e.message.includes('no such provider'));
  }
  assert.throws(() => smtpcode.explain('550 5.1.1 x', 'google'), TypeError);
});

test('loading the module leaves the process\'s own error handling alone', () => {
  const { execFileSync } = require('node:child_process');
  const out = execFileSync(process.execPath, ['-e', "const s = require(process.argv[1]); s.ready.then(() => " +
    "console.log(process.listenerCount('uncaughtException'), process.listenerCount('unhandledRejection')))",
    require.resolve('..')], { encoding: 'utf8' });
  assert.equal(out, '0 0\n');
});

test('anything else: no codes, and still a message', () => {
  for (const err of [new Error('connect ECONNREFUSED 127.0.0.1:25'), new TypeError('x'), {}, [],
    { response: 42 }, { rejectedErrors: 'no' }, { rejectedErrors: [null, 5] }, Object.create(null)]) {
    const e = smtpcode.explainError(err);
    assert.equal(e.basic_code, null);
    assert.ok(e.message && e.message === e.warnings[0]);
    assert.deepEqual(e.replies, {});
  }
  for (const bad of [null, undefined, 550, true]) {
    assert.throws(() => smtpcode.explainError(bad), TypeError);
  }
});
