'use strict';
// A scripted SMTP server on 127.0.0.1 that refuses mail in the ways real servers do: the
// greeting, AUTH, the sender, a recipient, the message. Each reply as the server sends it.
const net = require('node:net');

const REPLIES = {
  greeting421: '421 4.7.0 mx.example.test Try again later, closing connection.',
  auth535: '535-5.7.8 Username and Password not accepted. For more information, go to\r\n' +
    '535 5.7.8  https://support.google.com/mail/?p=BadCredentials a1-2 - gsmtp',
  mail553: '553 5.7.1 <spoof@example.org>: Sender address rejected: not owned by user',
  rcpt550: '550-5.1.1 The email account that you tried to reach does not exist. Please try\r\n' +
    '550-5.1.1 double-checking the recipient\'s email address for typos or\r\n' +
    '550 5.1.1 unnecessary spaces. https://support.google.com/mail/?p=NoSuchUser a1-2 - gsmtp',
  rcpt452: '452 4.2.2 The email account that you tried to reach is over quota.',
  data552: '552 5.3.4 Message size exceeds fixed maximum message size',
};

/** Starts the server; resolves to { port, close() }. greeting: 'refuse' sends 421. */
function start(greeting) {
  const sockets = new Set();
  const server = net.createServer((socket) => {
    sockets.add(socket);
    socket.on('close', () => sockets.delete(socket));
    socket.on('error', () => {});
    const send = (line) => socket.write(line + '\r\n');
    if (greeting === 'refuse') {
      send(REPLIES.greeting421);
      socket.end();
      return;
    }
    send('220 mx.example.test ESMTP scripted');
    let buffer = '', inData = false, accepted = 0;
    socket.on('data', (chunk) => {
      buffer += chunk.toString('latin1');
      for (;;) {
        if (inData) {
          const end = ('\r\n' + buffer).indexOf('\r\n.\r\n'); // the data may be empty
          if (end < 0) return;
          buffer = buffer.slice(end + 3);
          inData = false;
          send(REPLIES.data552);
          continue;
        }
        const eol = buffer.indexOf('\r\n');
        if (eol < 0) return;
        const line = buffer.slice(0, eol);
        buffer = buffer.slice(eol + 2);
        const verb = line.split(' ')[0].toUpperCase();
        if (verb === 'EHLO') send('250-mx.example.test\r\n250-AUTH PLAIN LOGIN\r\n250-PIPELINING\r\n250 8BITMIME');
        else if (verb === 'HELO') send('250 mx.example.test');
        else if (verb === 'AUTH') send(REPLIES.auth535);
        else if (verb === 'MAIL') {
          accepted = 0;
          send(line.includes('<spoof@') ? REPLIES.mail553 : '250 2.1.0 OK');
        } else if (verb === 'RCPT') {
          const refusal = line.includes('<nobody@') ? REPLIES.rcpt550 : line.includes('<full@') ? REPLIES.rcpt452 : null;
          if (refusal === null) accepted++;
          send(refusal || '250 2.1.5 OK');
        } else if (verb === 'DATA') {
          inData = accepted > 0;
          send(inData ? '354 Go ahead' : '554 5.5.1 Error: no valid recipients');
        } else if (verb === 'RSET' || verb === 'NOOP') send('250 2.0.0 OK');
        else if (verb === 'QUIT') {
          send('221 2.0.0 Bye');
          socket.end();
          return;
        } else send('502 5.5.2 Command not implemented');
      }
    });
  });
  return new Promise((resolve, reject) => {
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => resolve({
      port: server.address().port,
      close: () => new Promise((done) => {
        for (const s of sockets) s.destroy();
        server.close(done);
      }),
    }));
  });
}

module.exports = { start, REPLIES };
