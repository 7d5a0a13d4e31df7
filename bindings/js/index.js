/* smtpcode -- what an SMTP reply means, from libsmtpcode compiled to WebAssembly.
 *
 * Every answer is the library's: this wrapper holds no SMTP knowledge. It copies the
 * caller's text into the module's memory, calls the library, frees what it took, and
 * returns the library's JSON parsed, so results have exactly the JSON contract's keys.
 *
 * Node (CommonJS):  const smtpcode = require('smtpcode'); await smtpcode.ready;
 * Node (ES module): import { explain } from 'smtpcode';  (ready when the import is)
 * A page:           <script src="dist/smtpcode.js"></script><script src="index.js"></script>
 *                   then `await smtpcode.ready` (the global `smtpcode`)
 */
(function (root, factory) {
  'use strict';
  if (typeof module === 'object' && module.exports) {
    module.exports = factory(require('./dist/smtpcode.js'));
  } else {
    root.smtpcode = factory(root.createSmtpcode);
  }
})(typeof self !== 'undefined' ? self : this, function (createSmtpcode) {
  'use strict';

  // ABI versions (smtpcode_abi_version()) this wrapper can call.
  const KNOWN_ABI = [1];
  // The library's error returns (enum smtpcode_error in smtpcode.h), by value.
  const ERROR_NAMES = {
    '-1': 'SMTPCODE_ENULL', '-2': 'SMTPCODE_EEMPTY', '-3': 'SMTPCODE_ETOOLONG',
    '-4': 'SMTPCODE_ENOTASCII', '-5': 'SMTPCODE_ESYNTAX', '-6': 'SMTPCODE_ECLASS',
    '-7': 'SMTPCODE_ENOTFOUND', '-8': 'SMTPCODE_ETRUNCATED', '-9': 'SMTPCODE_ESIZE',
  };
  const ENOTFOUND = -7;
  const OPERAND_REPLY = 2; // enum smtpcode_operand
  const HINTS_SIZE = 16; // struct smtpcode_hints on wasm32: a size_t and three pointers
  const FILTER_SIZE = 28; // struct smtpcode_filter on wasm32; shown_class at byte 24
  const FIRST_SIZE = 32768; // the buffer a result is first written into
  const encoder = new TextEncoder();
  const decoder = new TextDecoder('utf-8');

  let M = null;
  const ready = createSmtpcode().then(function (module) {
    const abi = module._smtpcode_abi_version();
    if (KNOWN_ABI.indexOf(abi) < 0) {
      throw new Error('smtpcode: the WebAssembly module has ABI ' + abi +
                      ', and this wrapper knows ABI ' + KNOWN_ABI.join(', '));
    }
    M = module;
  });

  function lib() {
    if (M === null) {
      throw new Error('smtpcode: the WebAssembly module is still loading: await smtpcode.ready first');
    }
    return M;
  }

  /** An error return of the library: `code` is its name ("SMTPCODE_ESYNTAX"), `errno` its
   * value, and the message the library's own words for it. */
  class SmtpcodeError extends Error {
    constructor(errno, what) {
      const text = cString(lib()._smtpcode_strerror(errno));
      super(what ? what + ': ' + text : text);
      this.name = 'SmtpcodeError';
      this.errno = errno;
      this.code = ERROR_NAMES[errno] || 'SMTPCODE_E' + (-errno);
    }
  }

  function shown(value) {
    const text = JSON.stringify(String(value));
    return text.length <= 60 ? text : text.slice(0, 57) + '...';
  }

  function bytesOf(value, name) {
    if (typeof value === 'string') return encoder.encode(value);
    if (value instanceof Uint8Array) return value;
    throw new TypeError('smtpcode: ' + name + ' must be a string or a Uint8Array, not ' +
                        (value === null ? 'null' : typeof value));
  }

  function cString(pointer) {
    if (pointer === 0) return null;
    const heap = lib().HEAPU8;
    let end = pointer;
    while (heap[end] !== 0) end++;
    return decoder.decode(heap.subarray(pointer, end));
  }

  /* Runs fn with the arguments copied into the module's memory as NUL-terminated bytes
   * (null stays NULL); everything taken is freed afterwards. fn gets (pointers, lengths). */
  function withBytes(values, fn) {
    const m = lib();
    const pointers = [], lengths = [];
    try {
      for (const bytes of values) {
        if (bytes === null) {
          pointers.push(0);
          lengths.push(0);
          continue;
        }
        const p = m._malloc(bytes.length + 1);
        if (p === 0) throw new RangeError('smtpcode: out of WebAssembly memory');
        m.HEAPU8.set(bytes, p);
        m.HEAPU8[p + bytes.length] = 0;
        pointers.push(p);
        lengths.push(bytes.length);
      }
      return fn(pointers, lengths);
    } finally {
      for (const p of pointers) if (p !== 0) m._free(p);
    }
  }

  /* The whole text an snprintf-style call writes: call(buf, size) returns the full length
   * or a negative error. */
  function text(call, what) {
    const m = lib();
    let size = FIRST_SIZE;
    for (;;) { // most results fit the first buffer: one call; a longer one takes a second
      const buf = m._malloc(size);
      if (buf === 0) throw new RangeError('smtpcode: out of WebAssembly memory');
      try {
        const n = call(buf, size);
        if (n < 0) throw error(n, what);
        if (n < size) return decoder.decode(m.HEAPU8.slice(buf, buf + n));
        size = n + 1;
      } finally {
        m._free(buf);
      }
    }
  }

  function unknownProvider(id) {
    const e = new SmtpcodeError(ENOTFOUND);
    e.message = shown(id) + ': no such provider (see providers())';
    e.notFound = true;
    return e;
  }

  function error(errno, what) {
    const e = new SmtpcodeError(errno, what);
    if (errno === ENOTFOUND) e.notFound = true;
    return e;
  }

  function json(call, what) {
    return JSON.parse(text(call, what));
  }

  function noNul(bytes, name) {
    if (bytes.indexOf(0) >= 0) throw new TypeError('smtpcode: ' + name + ' holds a NUL character');
    return bytes;
  }

  /* A struct smtpcode_hints in the module's memory for the duration of fn (0: no hints). */
  function withHints(hints, fn) {
    if (hints === undefined || hints === null) hints = {};
    if (typeof hints !== 'object') throw new TypeError('smtpcode: hints must be an object {provider, host, rcpt}');
    if (typeof hints.provider === 'string' &&
        withBytes([noNul(bytesOf(hints.provider, 'provider'), 'provider')], function (p) {
          return lib()._smtpcode_provider_find(p[0]) === 0;
        })) {
      throw unknownProvider(hints.provider);
    }
    const fields = [hints.provider, hints.host, hints.rcpt].map(function (v, i) {
      return v === undefined || v === null ? null : noNul(bytesOf(v, ['provider', 'host', 'rcpt'][i]), 'hint');
    });
    if (fields.every(function (f) { return f === null; })) return fn(0);
    return withBytes(fields, function (p) {
      const m = lib();
      const h = m._malloc(HINTS_SIZE);
      try {
        const view = new DataView(m.HEAPU8.buffer, h, HINTS_SIZE);
        view.setUint32(0, HINTS_SIZE, true);
        for (let i = 0; i < 3; i++) view.setUint32(4 + 4 * i, p[i], true);
        return fn(h);
      } finally {
        m._free(h);
      }
    });
  }

  /** The library's API version, "MAJOR.MINOR.PATCH". */
  function version() {
    return cString(lib()._smtpcode_version());
  }

  /** The library's ABI version. */
  function abiVersion() {
    return lib()._smtpcode_abi_version();
  }

  function entryObject(codePointer) {
    return json(function (b, n) { return lib()._smtpcode_json_entry(codePointer, 0, b, n); });
  }

  /** The entry object of a code as asked ("535", "5.7.8"); null when it is well-formed
   * but unknown; throws SmtpcodeError when it is malformed. */
  function lookup(code) {
    const bytes = noNul(bytesOf(code, 'code'), 'code');
    return withBytes([bytes], function (p) {
      try {
        return entryObject(p[0]);
      } catch (e) {
        if (e instanceof SmtpcodeError) {
          if (e.errno === ENOTFOUND) return null;
          throw error(e.errno, shown(code));
        }
        throw e;
      }
    });
  }

  /** The explain object of a reply, or of any text holding one: what `smtpcode --json
   * --explain` prints. hints: {provider, host, rcpt} say who sent it. */
  function explain(reply, hints) {
    const bytes = bytesOf(reply, 'text');
    return withHints(hints, function (h) {
      return withBytes([bytes], function (p, len) {
        return json(function (b, n) {
          return lib()._smtpcode_json_explain_hints(p[0], len[0], h, 0, b, n);
        });
      });
    });
  }

  function isReply(bytes, pointer) {
    return bytes.indexOf(0) >= 0 || lib()._smtpcode_operand_kind(pointer) === OPERAND_REPLY;
  }

  /** Two codes, or two replies, side by side: the comparison object. */
  function compare(a, b, hints) {
    const ba = bytesOf(a, 'a'), bb = bytesOf(b, 'b');
    return withBytes([ba, bb], function (p, len) {
      if (isReply(ba, p[0]) || isReply(bb, p[1])) {
        return withHints(hints, function (h) {
          return json(function (buf, n) {
            return lib()._smtpcode_json_compare_replies(p[0], len[0], p[1], len[1], h, 0, buf, n);
          });
        });
      }
      try {
        return json(function (buf, n) { return lib()._smtpcode_json_compare(p[0], p[1], 0, buf, n); });
      } catch (e) {
        if (!(e instanceof SmtpcodeError)) throw e;
        const bad = lookup(a) === null ? a : b; // lookup throws for a malformed one
        throw error(e.errno, shown(bad));
      }
    });
  }

  function entryCode(entryPointer) {
    return new DataView(lib().HEAPU8.buffer).getUint32(entryPointer, true); // its first member
  }

  /** Entries whose title or texts hold every word, best first (`smtpcode --search`). */
  function search() {
    let words = Array.prototype.slice.call(arguments);
    if (words.length === 1 && Array.isArray(words[0])) words = words[0];
    if (words.length === 0) return [];
    const m = lib();
    return withBytes(words.map(function (w) { return noNul(bytesOf(w, 'word'), 'word'); }), function (p) {
      const size = m._smtpcode_entry_count();
      const array = m._malloc(4 * p.length), out = m._malloc(4 * size);
      try {
        if (array === 0 || out === 0) throw new RangeError('smtpcode: out of WebAssembly memory');
        const view = new DataView(m.HEAPU8.buffer);
        p.forEach(function (pointer, i) { view.setUint32(array + 4 * i, pointer, true); });
        const found = Math.min(m._smtpcode_search(array, p.length, out, size), size);
        const result = [];
        for (let i = 0; i < found; i++) {
          result.push(entryObject(entryCode(new DataView(m.HEAPU8.buffer).getUint32(out + 4 * i, true))));
        }
        return result;
      } finally {
        m._free(array);
        m._free(out);
      }
    });
  }

  function providerObjects(kind, pointer) {
    const m = lib();
    const write = kind === 'provider' ? m._smtpcode_json_provider : m._smtpcode_json_provider_entry;
    return json(function (b, n) { return write(pointer, 0, b, n); });
  }

  function providerEntriesOf(p) {
    const result = [];
    for (let i = 0, e; (e = lib()._smtpcode_provider_entry_at(p, i)) !== 0; i++) {
      result.push(providerObjects('entry', e));
    }
    return result;
  }

  /** What `smtpcode --json --list FILTER` prints: entries ("5xx", "5.7", "basic", ...;
   * every entry without a filter), the providers ("providers"), or one provider's entries
   * ("google"). Throws SmtpcodeError for a filter the library does not know. */
  function entries(filter) {
    const m = lib();
    if (filter === 'providers') return providers();
    const bytes = filter === undefined || filter === null ? null : noNul(bytesOf(filter, 'filter'), 'filter');
    return withBytes([bytes], function (p) {
      if (bytes !== null) {
        const provider = m._smtpcode_provider_find(p[0]);
        if (provider !== 0) return providerEntriesOf(provider);
      }
      const f = m._malloc(FILTER_SIZE);
      try {
        m.HEAPU8.fill(0, f, f + FILTER_SIZE);
        new DataView(m.HEAPU8.buffer).setUint32(f, FILTER_SIZE, true);
        if (bytes === null) {
          new DataView(m.HEAPU8.buffer).setInt32(f + 4, 1, true); // every entry
        } else {
          const rc = m._smtpcode_filter_parse(p[0], f);
          if (rc < 0) throw error(rc, shown(filter));
        }
        const shownClass = m.HEAPU8[f + 24] ? m.HEAPU8[f + 24] - 48 : 0;
        const result = [];
        const asked = m._malloc(16);
        try {
          for (let i = 0, count = m._smtpcode_entry_count(); i < count; i++) {
            const e = m._smtpcode_entry_at(i);
            if (!m._smtpcode_filter_matches(f, e)) continue;
            m._smtpcode_format_code(e, shownClass, asked, 16);
            result.push(entryObject(asked));
          }
        } finally {
          m._free(asked);
        }
        return result;
      } finally {
        m._free(f);
      }
    });
  }

  /** The providers the library has data for. */
  function providers() {
    const m = lib();
    const result = [];
    for (let i = 0, n = m._smtpcode_provider_count(); i < n; i++) {
      result.push(providerObjects('provider', m._smtpcode_provider_at(i)));
    }
    return result;
  }

  /** One provider's entries ("google"); throws SmtpcodeError (SMTPCODE_ENOTFOUND) for an
   * unknown id. */
  function providerEntries(id) {
    const bytes = noNul(bytesOf(id, 'id'), 'id');
    return withBytes([bytes], function (p) {
      const provider = lib()._smtpcode_provider_find(p[0]);
      if (provider === 0) throw unknownProvider(id);
      return providerEntriesOf(provider);
    });
  }

  /** The provider entry a marker names ("TSS04", "S3140"), or null. */
  function marker(token) {
    const bytes = noNul(bytesOf(token, 'token'), 'token');
    return withBytes([bytes], function (p) {
      const e = lib()._smtpcode_marker_find(p[0]);
      return e === 0 ? null : providerObjects('entry', e);
    });
  }

  /** Bytes of WebAssembly memory the module holds (it only grows): for monitoring, and for
   * the test that the wrapper frees what it takes. */
  function memorySize() {
    return lib().HEAPU8.length;
  }

  /** Server text made safe to show a person, by the library's one sanitiser. */
  function sanitize(value) {
    const bytes = bytesOf(value, 'text');
    return withBytes([bytes], function (p, len) {
      return text(function (b, n) { return lib()._smtpcode_sanitize(p[0], len[0], b, n); });
    });
  }

  /* explainError always has a message: when no code was found, the library's warning
   * that says so. */
  function withMessage(e) {
    if (e.message === null) e.message = e.warnings.length ? e.warnings[0] : '';
    return e;
  }

  /* The text one error of a mail library carries. nodemailer's `response` is the reply as
   * the server sent it, and its `message` that reply after words that say which command it
   * answered ("Invalid login: 535-5.7.8 ..."), which the library reads; a bare
   * `responseCode` is rebuilt by the library; an error that wraps one (`cause`) is read
   * through. */
  function replyOf(err, depth) {
    if (typeof err.response === 'string' && err.response !== '') {
      const m = err.message, r = err.response;
      const words = typeof m === 'string' && m.endsWith(': ' + r) ? m.slice(0, m.length - r.length - 2) : null;
      return words !== null && !words.includes(r) ? m : r; // not when the words quote it again
    }
    if (Number.isInteger(err.responseCode)) {
      try {
        return text(function (b, n) { return lib()._smtpcode_reply_rejoin(err.responseCode, 0, 0, b, n); });
      } catch (e) {
        if (!(e instanceof SmtpcodeError)) throw e;
      }
    }
    const cause = err.cause;
    if (cause !== null && typeof cause === 'object' && depth < 8) return replyOf(cause, depth + 1);
    return '';
  }

  function setOwn(object, key, value) { // a key such as "__proto__" is a key like any other
    Object.defineProperty(object, key, { value: value, enumerable: true, writable: true, configurable: true });
  }

  /** The explain object of what Node mail code holds: a nodemailer error (its `response`,
   * `responseCode`, `message`, and `rejectedErrors` when several recipients were refused),
   * an error that wraps one as its `cause`, or a string. Always has a `message`, and
   * `replies` (recipient -> explain object, {} when none); with refused recipients the top
   * level describes the first. hints are as for explain(). Anything else that is an object
   * gives an explanation with no codes; other values throw TypeError. */
  function explainError(err, hints) {
    let e;
    if (typeof err === 'string' || err instanceof Uint8Array) {
      e = withMessage(explain(err, hints));
      setOwn(e, 'replies', {});
      return e;
    }
    if (err === null || typeof err !== 'object') {
      throw new TypeError('smtpcode: explainError takes an error or a string, not ' +
                          (err === null ? 'null' : typeof err));
    }
    const refused = Array.isArray(err.rejectedErrors) ? err.rejectedErrors.filter(function (r) {
      return r !== null && typeof r === 'object';
    }) : [];
    if (refused.length > 0) {
      const replies = {};
      for (const r of refused) {
        const recipient = String(r.recipient === undefined ? '' : r.recipient);
        if (Object.prototype.hasOwnProperty.call(replies, recipient)) continue; // the first counts
        // the recipient's domain is no hint: the server that refused it is most often a relay
        const one = withMessage(explain(replyOf(r, 0), hints));
        setOwn(one, 'replies', {});
        setOwn(replies, recipient, one);
      }
      e = Object.assign({}, replies[Object.keys(replies)[0]]);
      setOwn(e, 'replies', replies);
      return e;
    }
    e = withMessage(explain(replyOf(err, 0), hints));
    setOwn(e, 'replies', {});
    return e;
  }

  const api = {
    ready: ready,
    SmtpcodeError: SmtpcodeError,
    version: version,
    abiVersion: abiVersion,
    lookup: lookup,
    explain: explain,
    compare: compare,
    search: search,
    entries: entries,
    providers: providers,
    providerEntries: providerEntries,
    marker: marker,
    sanitize: sanitize,
    explainError: explainError,
    memorySize: memorySize,
  };
  // TypeScript's `import smtpcode from 'smtpcode'` compiled to CommonJS reads .default
  Object.defineProperty(api, 'default', { value: api, enumerable: false });
  return api;
});
