"""An SMTP server that accepts every message and writes one JSON line per message (its
recipients, subject and Message-ID) to LOG; with --delay it answers each message that many
seconds late, as a slow mail server does.

    python benchmarks/smtp_sink.py PORT LOG [--delay SECONDS]

Python 3.11's smtpd (deprecated, still in the standard library): nothing to install.
"""

import argparse
import asyncore
import email
import email.policy
import json
import time
import warnings

with warnings.catch_warnings():
    warnings.simplefilter("ignore", DeprecationWarning)
    import smtpd


class Sink(smtpd.SMTPServer):
    def __init__(self, port, log, delay):
        super().__init__(("127.0.0.1", port), None, decode_data=False)
        self.log, self.delay = log, delay

    def process_message(self, peer, mailfrom, rcpttos, data, **kwargs):
        time.sleep(self.delay)
        message = email.message_from_bytes(data, policy=email.policy.default)
        line = {"to": rcpttos, "subject": message["Subject"], "id": message["Message-ID"]}
        with open(self.log, "a", encoding="utf-8") as log:
            log.write(json.dumps(line, ensure_ascii=False) + "\n")


if __name__ == "__main__":
    parser = argparse.ArgumentParser()
    parser.add_argument("port", type=int)
    parser.add_argument("log")
    parser.add_argument("--delay", type=float, default=0)
    args = parser.parse_args()
    Sink(args.port, args.log, args.delay)
    asyncore.loop()
