'use strict';
// Real software against a real server: nodemailer sends to the scripted SMTP server on
// 127.0.0.1, which refuses AUTH, a recipient, the sender, the message and the greeting;
// explainError must give the codes and the meaning of the reply the server sent. The oracle
// for the meaning is the smtpcode command reading the same reply as it went over the wire.
const test = require('node:test');
const assert = require('node:assert/strict');
const nodemailer = require('nodemailer');
const smtpcode = require('..');
const { start, REPLIES } = require('./server.js');
const { cliJson } = require('./helpers.js');

let server, refusing;
test.before(async () => {
  await smtpcode.ready;
  server = await start();
  refusing = await start('refuse');
});
test.after(async () => {
  await server.close();
  await refusing.close();
});

function transport(port, auth) {
  return nodemailer.createTransport({ host: '127.0.0.1', port, secure: false, ignoreTLS: true, auth });
}

async function refusal(port, message, auth) {
  try {
    await transport(port, auth).sendMail(Object.assign({ subject: 'test', text: 'hello' }, message));
  } catch (err) {
    return err;
  }
  assert.fail('the server took the mail');
}

/** The explanation of what nodemailer kept is that of the reply as sent; the command it
 * answered is read from nodemailer's message. */
function sameAsTheWire(e, wire, stage) {
  const want = cliJson('--explain', wire);
  for (const key of ['basic_code', 'enhanced_code', 'text', 'message']) assert.deepEqual(e[key], want[key], key);
  assert.deepEqual(e.provider_entry && e.provider_entry.id, want.provider_entry && want.provider_entry.id);
  assert.equal(e.stage_token, stage);
}

test('AUTH refused', async () => {
  const err = await refusal(server.port, { from: 'a@example.com', to: 'ok@example.com' }, { user: 'me@example.com', pass: 'wrong' });
  assert.equal(err.code, 'EAUTH');
  const e = smtpcode.explainError(err);
  assert.equal(e.basic_code, 535);
  assert.equal(e.enhanced_code, '5.7.8');
  assert.equal(e.provider_entry.id, 'google/BadCredentials');
  assert.ok(e.message.includes('app password'));
  assert.deepEqual(e.replies, {});
  sameAsTheWire(e, REPLIES.auth535, 'auth');
});

test('one recipient of two refused, then the message refused', async () => {
  const err = await refusal(server.port, { from: 'a@example.com', to: ['ok@example.com', 'nobody@gmail.com'] });
  assert.equal(err.code, 'EMESSAGE');
  const e = smtpcode.explainError(err);
  assert.equal(e.basic_code, 552);
  assert.equal(e.enhanced_code, '5.3.4');
  sameAsTheWire(e, REPLIES.data552, 'end_of_data');
});

test('every recipient refused: one reply each, the first at the top', async () => {
  const err = await refusal(server.port, { from: 'a@example.com', to: ['nobody@gmail.com', 'full@example.net'] });
  assert.equal(err.code, 'EENVELOPE');
  const e = smtpcode.explainError(err);
  assert.deepEqual(Object.keys(e.replies), ['nobody@gmail.com', 'full@example.net']);
  const first = e.replies['nobody@gmail.com'], second = e.replies['full@example.net'];
  assert.equal(first.enhanced_code, '5.1.1');
  assert.ok(first.text.includes('unnecessary spaces')); // every line of the multi-line reply
  sameAsTheWire(first, REPLIES.rcpt550, 'rcpt');
  sameAsTheWire(second, REPLIES.rcpt452, 'rcpt');
  assert.equal(e.basic_code, 550);
  assert.equal(e.message, first.message);
});

test('the sender refused', async () => {
  const err = await refusal(server.port, { from: 'spoof@example.org', to: 'ok@example.com' });
  const e = smtpcode.explainError(err);
  assert.equal(e.basic_code, 553);
  assert.equal(e.enhanced_code, '5.7.1');
  sameAsTheWire(e, REPLIES.mail553, 'mail');
});

test('the greeting refused', async () => {
  const err = await refusal(refusing.port, { from: 'a@example.com', to: 'ok@example.com' });
  const e = smtpcode.explainError(err);
  assert.equal(e.basic_code, 421);
  assert.equal(e.enhanced_code, '4.7.0');
  sameAsTheWire(e, REPLIES.greeting421, null); // nodemailer's message quotes the greeting twice: the reply alone
});

test('no server at all: no codes, still a message', async () => {
  const closed = await start();
  const port = closed.port;
  await closed.close();
  const err = await refusal(port, { from: 'a@example.com', to: 'ok@example.com' });
  assert.equal(err.code, 'ESOCKET');
  const e = smtpcode.explainError(err);
  assert.equal(e.basic_code, null);
  assert.ok(e.message);
});
