'use strict';
// `npm pack` makes a package that installs into an empty directory, offline, and works
// there from CommonJS and from an ES module; it holds what `files` lists and no more.
const test = require('node:test');
const assert = require('node:assert/strict');
const fs = require('node:fs');
const os = require('node:os');
const path = require('node:path');
const { execFileSync } = require('node:child_process');

const here = path.join(__dirname, '..');
const npm = (args, cwd) => execFileSync('npm', args, { cwd, encoding: 'utf8', stdio: ['ignore', 'pipe', 'pipe'] });

test('npm pack, install into an empty directory, use', () => {
  const tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'smtpcode-pack-'));
  try {
    const [packed] = JSON.parse(npm(['pack', '--json', '--pack-destination', tmp], here));
    const files = packed.files.map((f) => f.path).sort();
    assert.deepEqual(files, ['README.md', 'dist/smtpcode.js', 'index.d.ts', 'index.js', 'index.mjs', 'package.json']);
    const app = path.join(tmp, 'app');
    fs.mkdirSync(app);
    fs.writeFileSync(path.join(app, 'package.json'), '{"name": "app", "version": "1.0.0", "private": true}\n');
    npm(['install', '--offline', '--no-audit', '--no-fund', path.join(tmp, packed.filename)], app);
    fs.writeFileSync(path.join(app, 'cjs.js'),
      "const s = require('smtpcode'); s.ready.then(() => console.log(s.lookup('535').title));\n");
    fs.writeFileSync(path.join(app, 'esm.mjs'),
      "import { explainError } from 'smtpcode'; console.log(explainError('550 5.1.1 no such user').enhanced_code);\n");
    assert.equal(execFileSync(process.execPath, ['cjs.js'], { cwd: app, encoding: 'utf8' }), 'Authentication credentials invalid\n');
    assert.equal(execFileSync(process.execPath, ['esm.mjs'], { cwd: app, encoding: 'utf8' }), '5.1.1\n');
  } finally {
    fs.rmSync(tmp, { recursive: true, force: true });
  }
});
