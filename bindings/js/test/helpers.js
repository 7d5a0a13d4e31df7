'use strict';
// Shared by the tests: the smtpcode command is the oracle for the JSON contract.
const { execFileSync } = require('node:child_process');

const CLI = process.env.SMTPCODE_CLI;

/** What `smtpcode --json ARGS` prints, parsed. */
function cliJson(...args) {
  if (!CLI) throw new Error('SMTPCODE_CLI is not set: tests/suite-js.sh sets it to the build\'s smtpcode');
  let out;
  try {
    out = execFileSync(CLI, ['--json', ...args], { maxBuffer: 1 << 26 });
  } catch (e) {
    if (e.status !== 1) throw e; // 1: well-formed, nothing found; the JSON is still printed
    out = e.stdout;
  }
  return JSON.parse(out.toString('utf8'));
}

module.exports = { cliJson };
