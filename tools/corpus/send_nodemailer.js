// send_nodemailer.js -- sends one message with nodemailer's SMTP transport, as an application
// does, and prints the error's fields (or the refused recipients) as one JSON object.
//   node send_nodemailer.js HOST PORT SENDER RCPT[,RCPT] MESSAGE_FILE USER PASSWORD STARTTLS
// Exit: 0 sent to all, 1 an error, 3 sent but some recipients refused.
'use strict';
const fs = require('fs');
const nodemailer = require('nodemailer');

const [host, port, from, rcpts, file, user, pass, starttls] = process.argv.slice(2);

// The fields the brief of the corpus names, for an error and for each refused recipient.
function fields(err) {
    return {
        message: err.message,
        response: err.response,
        responseCode: err.responseCode,
        command: err.command,
        code: err.code,
        rejectedErrors: err.rejectedErrors ? err.rejectedErrors.map(fields) : undefined,
    };
}

const transport = nodemailer.createTransport({
    host, port: Number(port), secure: false, name: 'client.example.org',
    auth: { user, pass },
    requireTLS: starttls === '1', ignoreTLS: starttls !== '1',
    tls: { rejectUnauthorized: false },  // the scripted server's certificate is self-signed
    connectionTimeout: 20000, greetingTimeout: 20000, socketTimeout: 30000,
});

const envelope = { from, to: rcpts.split(',') };
transport.sendMail({ envelope, raw: fs.readFileSync(file) }, (err, info) => {
    if (err) {
        console.log(JSON.stringify(fields(err)));
        process.exit(1);
    }
    if (info.rejected && info.rejected.length) {
        console.log(JSON.stringify({ rejected: info.rejected,
            rejectedErrors: (info.rejectedErrors || []).map(fields) }));
        process.exit(3);
    }
    process.exit(0);
});
