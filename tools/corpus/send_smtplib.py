"""send_smtplib.py -- sends one message the way an application using Python's smtplib does,
and prints what smtplib raised (or the recipients it refused) as one JSON object.

    send_smtplib.py HOST PORT SENDER RCPT[,RCPT] MESSAGE_FILE USER PASSWORD STARTTLS(0/1)
Exit: 0 sent to all, 1 an exception, 3 sent but some recipients refused.
"""

import json
import smtplib
import ssl
import sys


def send(host, port, sender, rcpts, message, user, password, starttls):
    with smtplib.SMTP(host, port, local_hostname="client.example.org", timeout=30) as smtp:
        if starttls:
            ctx = ssl.create_default_context()
            ctx.check_hostname = False
            ctx.verify_mode = ssl.CERT_NONE  # the scripted server's certificate is self-signed
            smtp.starttls(context=ctx)
        smtp.login(user, password)
        return smtp.sendmail(sender, rcpts, message)


def main(argv):
    host, port, sender, rcpts, path, user, password, starttls = argv[1:9]
    message = open(path).read()
    try:
        refused = send(host, int(port), sender, rcpts.split(","), message, user, password,
                       starttls == "1")
    except Exception as e:  # what an application catching any error would print
        print(json.dumps({"repr": repr(e), "str": str(e)}))
        return 1
    if refused:
        print(json.dumps({"refused": repr(refused)}))
        return 3
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv))
