'use strict';
// The TypeScript declarations compile against a program that uses them (tsc --strict).
const test = require('node:test');
const assert = require('node:assert/strict');
const path = require('node:path');
const { spawnSync } = require('node:child_process');

test('index.d.ts: a strict TypeScript program type-checks', () => {
  const tsc = path.join(__dirname, '..', 'node_modules', 'typescript', 'bin', 'tsc');
  const done = spawnSync(process.execPath, [tsc, '--noEmit', '--strict', '--module', 'commonjs',
    '--target', 'es2020', '--esModuleInterop', path.join(__dirname, 'types-check.ts')], { encoding: 'utf8' });
  assert.equal(done.status, 0, done.stdout + done.stderr);
});
