// The ES module entry point: ready when the import is, the same functions.
import test from 'node:test';
import assert from 'node:assert/strict';
import smtpcode, { lookup, explainError, version } from '../index.mjs';

test('ES module: usable at once', () => {
  assert.equal(lookup('535').title, 'Authentication credentials invalid');
  assert.equal(explainError('550 5.1.1 no such user').enhanced_code, '5.1.1');
  assert.equal(version(), smtpcode.version());
});
