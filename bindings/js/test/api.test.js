'use strict';
// Every function of the package against the library's own answers: the JSON the smtpcode
// command prints for the same input is the oracle.
const test = require('node:test');
const assert = require('node:assert/strict');
const fs = require('node:fs');
const path = require('node:path');
const smtpcode = require('..');
const { cliJson } = require('./helpers.js');

test.before(() => smtpcode.ready);

test('versions agree with the header and the package', () => {
  const header = fs.readFileSync(path.join(__dirname, '..', '..', '..', 'include', 'smtpcode.h'), 'utf8');
  const part = (p) => header.match(new RegExp('#define SMTPCODE_VERSION_' + p + ' (\\d+)'))[1];
  const want = ['MAJOR', 'MINOR', 'PATCH'].map(part).join('.');
  assert.equal(smtpcode.version(), want);
  assert.equal(require('../package.json').version, want);
  assert.equal(smtpcode.abiVersion(), Number(header.match(/#define SMTPCODE_ABI_VERSION (\d+)/)[1]));
});

for (const code of ['535', '5.7.8', 'X.7.8', '4.7.650', '5.7.708', '550', '5.7', '221', 'X.7.XXX']) {
  test('lookup ' + code + ' is the JSON contract\'s entry', () => {
    assert.deepEqual(smtpcode.lookup(code), cliJson('--', code));
  });
}

test('lookup: unknown, malformed, wrong types', () => {
  assert.equal(smtpcode.lookup('599'), null);
  assert.equal(smtpcode.lookup('5.9.9'), null);
  for (const [bad, name] of [['abc', 'SMTPCODE_ESYNTAX'], ['135', 'SMTPCODE_ECLASS'], ['', 'SMTPCODE_EEMPTY'],
    ['５３５', 'SMTPCODE_ENOTASCII'], ['5'.repeat(1 << 20), 'SMTPCODE_ETOOLONG']]) {
    assert.throws(() => smtpcode.lookup(bad), (e) => e instanceof smtpcode.SmtpcodeError && e.code === name &&
      e.message.length < 200);
  }
  assert.throws(() => smtpcode.lookup('abc'), { message: '"abc": not a reply code like 535 or an enhanced status code like 5.7.8' });
  assert.throws(() => smtpcode.lookup('5\u000035'), TypeError);
  assert.throws(() => smtpcode.lookup(null), TypeError);
  assert.throws(() => smtpcode.lookup(535), TypeError);
  assert.deepEqual(smtpcode.lookup(new TextEncoder().encode('535')), smtpcode.lookup('535'));
});

const REPLIES = [
  '550-5.1.1 The email account that you tried to reach does not exist. Please try\r\n' +
  '550-5.1.1 double-checking the recipient\'s email address for typos or\r\n' +
  '550 5.1.1 unnecessary spaces. https://support.google.com/mail/?p=NoSuchUser x - gsmtp',
  'Error: Invalid login: 535-5.7.8 Username and Password not accepted. For more information, go to\n' +
  '535 5.7.8  https://support.google.com/mail/?p=BadCredentials a1-2 - gsmtp',
  '421 4.7.0 [TSS04] Messages from 192.0.2.1 temporarily deferred due to unexpected volume or user complaints',
  'no code at all',
  '',
];

for (const reply of REPLIES) {
  test('explain is the JSON contract\'s: ' + JSON.stringify(reply.slice(0, 40)), () => {
    assert.deepEqual(smtpcode.explain(reply), cliJson('--explain', reply));
  });
}

test('explain with hints is the command\'s', () => {
  const text = '550 5.7.1 Service unavailable; client host blocked';
  assert.deepEqual(smtpcode.explain(text, { provider: 'microsoft365' }), cliJson('--provider', 'microsoft365', '--explain', text));
  assert.deepEqual(smtpcode.explain(text, { host: 'mx1.hotmail.com' }), cliJson('--host', 'mx1.hotmail.com', '--explain', text));
  assert.deepEqual(smtpcode.explain(text, { rcpt: 'gmail.com' }), cliJson('--rcpt', 'gmail.com', '--explain', text));
  assert.throws(() => smtpcode.explain(text, { provider: 'no-such-provider' }), smtpcode.SmtpcodeError);
  assert.throws(() => smtpcode.explain(text, { provider: 5 }), TypeError);
});

test('explain: odd input', () => {
  const bytes = Uint8Array.from([...Buffer.from('550 5.1.1 caf'), 0xe9, 0x20, 0xff]);
  const e = smtpcode.explain(bytes);
  assert.equal(e.basic_code, 550);
  assert.ok(e.text.includes('\ufffd'));
  assert.ok(smtpcode.explain('550 5.1.1 Jörg 用户').text.includes('Jörg 用户'));
  const hostile = smtpcode.explain('550 5.1.1 a\u0000b\u001b[2J\u202eevil');
  assert.equal(hostile.basic_code, 550);
  assert.ok(!smtpcode.sanitize(hostile.text).includes('\u001b'));
  const big = smtpcode.explain('550 5.1.1 ' + 'x'.repeat(1 << 20));
  assert.equal(big.basic_code, 550);
  assert.ok(big.text.length > 0 && big.text.length < 1 << 20);
  assert.equal(smtpcode.explain('x'.repeat(1 << 20)).basic_code, null);
  assert.throws(() => smtpcode.explain(null), TypeError);
  assert.throws(() => smtpcode.explain({}), TypeError);
});

test('memory is the wrapper\'s: what a call takes it frees', () => {
  const big = '550 5.1.1 ' + 'y'.repeat(1 << 20);
  const calls = () => {
    smtpcode.explain(big, { host: 'mx.example.net' });
    smtpcode.compare(big, big);
    smtpcode.sanitize(big).length === big.length || assert.fail(); // a 1 MB result
    smtpcode.lookup('5'.repeat(1 << 20)) === null || assert.fail();
  };
  const once = () => { try { calls(); } catch (e) { if (!(e instanceof smtpcode.SmtpcodeError)) throw e; } };
  once();
  const before = smtpcode.memorySize();
  for (let i = 0; i < 12; i++) once(); // 36 MB and more if anything were kept
  smtpcode.entries('5xx');
  smtpcode.search('mailbox', 'full');
  assert.equal(smtpcode.memorySize(), before);
});

for (const [a, b] of [['235', '535'], ['550', '5.1.1'], ['4.7.0', '5.7.1'], ['421', '450']]) {
  test('compare ' + a + ' ' + b + ' is the JSON contract\'s', () => {
    assert.deepEqual(smtpcode.compare(a, b), cliJson(a, b));
  });
}

test('compare two replies is the command\'s', () => {
  const a = REPLIES[0], b = '452 4.2.2 The email account that you tried to reach is over quota.';
  const c = smtpcode.compare(a, b);
  assert.equal(c.kind, 'replies');
  assert.deepEqual(c, cliJson('--explain', a, '--explain', b));
});

test('compare: errors', () => {
  assert.throws(() => smtpcode.compare('535', '599'), (e) => e.code === 'SMTPCODE_ENOTFOUND' && e.message.startsWith('"599"'));
  assert.throws(() => smtpcode.compare('abc', '535'), (e) => e.code === 'SMTPCODE_ESYNTAX');
  assert.throws(() => smtpcode.compare('535', undefined), TypeError);
});

test('search is the command\'s', () => {
  for (const words of [['password'], ['mailbox', 'full'], ['RFC', '3463']]) {
    assert.deepEqual(smtpcode.search(...words), cliJson('--search', ...words));
    assert.deepEqual(smtpcode.search(words), smtpcode.search(...words));
  }
  assert.deepEqual(smtpcode.search(), []);
  assert.deepEqual(smtpcode.search('zzzz-no-such-word'), []);
  assert.deepEqual(smtpcode.search('x'.repeat(1 << 20)), []);
  assert.throws(() => smtpcode.search(null), TypeError);
});

for (const f of ['5xx', '55x', '5.7', 'x.7', 'basic', 'enhanced', 'providers', 'google', 'yahoo']) {
  test('entries ' + f + ' is --list ' + f, () => {
    assert.deepEqual(smtpcode.entries(f), cliJson('--list', f));
  });
}

test('entries: all, and bad filters', () => {
  const all = smtpcode.entries();
  assert.equal(all.length, smtpcode.entries('basic').length + smtpcode.entries('enhanced').length);
  for (const bad of ['6xx', 'no-such-provider', '5.7.8.9']) {
    assert.throws(() => smtpcode.entries(bad), smtpcode.SmtpcodeError);
  }
});

test('providers, provider entries and markers', () => {
  assert.deepEqual(smtpcode.providers(), cliJson('--list', 'providers'));
  assert.deepEqual(smtpcode.providerEntries('google'), cliJson('--list', 'google'));
  assert.throws(() => smtpcode.providerEntries('no-such-provider'), (e) => e.code === 'SMTPCODE_ENOTFOUND');
  assert.deepEqual([smtpcode.marker('TSS04')], cliJson('TSS04'));
  assert.equal(smtpcode.marker('NOSUCHMARKER'), null);
});

test('sanitize is the library\'s', () => {
  assert.equal(smtpcode.sanitize('a\u001b[2J\u202eb\u2028\ufeff'), 'a<U+001B>[2J<U+202E>b<U+2028><U+FEFF>');
  assert.equal(smtpcode.sanitize(Uint8Array.from([0x63, 0xe9, 0x09, 0x78])), 'c\ufffd x');
  assert.equal(smtpcode.sanitize('\u009b'), '<U+009B>');
  assert.equal(smtpcode.sanitize(''), '');
});
