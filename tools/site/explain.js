/* explain.js -- the reference site's "Explain a reply" page (make site): the reply pasted
 * into the form, or given in the address as #reply=TEXT (URI-encoded), is explained by the
 * library compiled to WebAssembly (smtpcode.js, and index.js's global `smtpcode`), in the
 * page: nothing is sent anywhere. Every word shown is the library's: the labels are in the
 * page as the site's program wrote them, the answers are smtpcode.explain()'s. */
(function () {
  'use strict';
  var form = document.getElementById('explain-form');
  var input = document.getElementById('reply');

  function byId(id) {
    return document.getElementById(id);
  }

  // The file name of a page of the site, as tools/site writes them (html_out.c page_name).
  function page(prefix, name) {
    var safe = '';
    for (var i = 0; i < name.length; i++) {
      var c = name.charAt(i);
      var keep = (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') ||
                 (c >= '0' && c <= '9') || c === '.' || c === '-';
      safe += keep ? c : '_';
    }
    return prefix + safe + '.html';
  }

  // Fills the term whose text is the element id (and shows it), or hides it when text is
  // empty; with href, the text is a link.
  function show(id, text, href) {
    var dd = byId(id);
    var dt = dd.previousElementSibling;
    var has = text !== null && text !== undefined && text !== '';
    dd.textContent = '';
    dd.hidden = !has;
    dt.hidden = !has;
    if (!has) return;
    if (href) {
      var a = document.createElement('a');
      a.href = href;
      a.textContent = text;
      dd.appendChild(a);
    } else {
      dd.textContent = text;
    }
  }

  function entryLine(code, entry) {
    if (code === null) return null;
    return entry ? code + ' ' + entry.title : String(code);
  }

  function explainText(text) {
    var r = null;
    try {
      r = smtpcode.explain(text);
    } catch (e) {
      r = null;
    }
    var found = r !== null && (r.basic_code !== null || r.enhanced_code !== null);
    byId('result').hidden = !found;
    byId('none').hidden = found || text === '';
    if (!found) return;
    var codes = [];
    if (r.basic_code !== null) codes.push(String(r.basic_code));
    if (r.enhanced_code !== null) codes.push(r.enhanced_code);
    var badge = byId('codes');
    var entry = r.basic || r.enhanced;
    badge.textContent = codes.join(' ');
    badge.className = 'badge ' + (entry && entry['class'] ? 'c' + entry['class'] : 'cx');
    byId('message').textContent = r.message || '';
    show('basic', entryLine(r.basic_code, r.basic),
         r.basic ? page('code-', r.basic.canonical) : null);
    show('enhanced', entryLine(r.enhanced_code, r.enhanced),
         r.enhanced ? page('code-', r.enhanced.canonical) : null);
    show('stage', r.stage);
    show('provider', r.provider ? r.provider.name : null,
         r.provider ? page('provider-', r.provider.id) : null);
    var pe = r.provider_entry;
    show('entry', pe ? pe.id + ': ' + pe.title : null, pe ? page('entry-', pe.id) : null);
    show('meaning', pe ? pe.meaning : null);
    show('fix', pe ? pe.how_to_fix : (r.enhanced || r.basic || {}).how_to_fix);
    show('status', r.status_code);
    show('server', r.text === null ? null : smtpcode.sanitize(r.text)); // the server's: hostile
  }

  function fromAddress() {
    var hash = window.location.hash;
    if (hash.indexOf('#reply=') !== 0) return;
    var text;
    try {
      text = decodeURIComponent(hash.slice('#reply='.length));
    } catch (e) {
      return;
    }
    input.value = text;
    explainText(text);
  }

  smtpcode.ready.then(function () {
    form.addEventListener('submit', function (event) {
      event.preventDefault();
      explainText(input.value);
      if (window.history && window.history.replaceState) {
        window.history.replaceState(null, '', '#reply=' + encodeURIComponent(input.value));
      }
    });
    window.addEventListener('hashchange', fromAddress);
    fromAddress();
  });
})();
