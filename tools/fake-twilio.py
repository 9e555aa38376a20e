#!/usr/bin/env python3
"""A local stand-in for Twilio, to try the 12349 line on `./anxin demo` without a Twilio account.

  tools/fake-twilio.py serve [--port 18090]
      Answers the platform's Twilio REST calls (Messages.json, Calls.json) the way api.twilio.com
      does and prints each SMS and call it is asked to send. Start the demo with
        ANXIN_TWILIO_API_BASE_URL=http://127.0.0.1:18090 ANXIN_TWILIO_ACCOUNT_SID=AC0123456789abcdef0123456789abcdef
        ANXIN_TWILIO_AUTH_TOKEN=<any secret> ANXIN_TWILIO_FROM=+8657112349 ./anxin demo

  tools/fake-twilio.py call --platform http://127.0.0.1:8080 --token <the same secret> \
        --from 13800138000 [--to +8657112349] [--press 1]
      Plays Twilio's part of an inbound call to the 12349 number: the voice webhook
      (POST /twilio/inbound), signed with X-Twilio-Signature as Twilio signs it, then, with
      --press, the key on the menu's <Gather>. Prints the TwiML the platform answers.

Python 3 standard library only. Loopback use; it keeps nothing.
"""
import argparse
import base64
import hashlib
import hmac
import json
import re
import sys
import urllib.parse
import urllib.request
import uuid
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer


def signature(token, url, form):
    """Twilio's X-Twilio-Signature: HMAC-SHA1 over the URL and the sorted form fields, base64."""
    data = url + "".join(key + form[key] for key in sorted(form))
    return base64.b64encode(hmac.new(token.encode(), data.encode(), hashlib.sha1).digest()).decode()


def post(url, token, form):
    body = urllib.parse.urlencode(form).encode()
    request = urllib.request.Request(url, data=body, method="POST", headers={
        "Content-Type": "application/x-www-form-urlencoded",
        "X-Twilio-Signature": signature(token, url, form),
    })
    try:
        with urllib.request.urlopen(request, timeout=10) as answer:
            return answer.status, answer.read().decode()
    except urllib.error.HTTPError as refused:
        return refused.code, refused.read().decode()


def call(args):
    sid = "CA" + uuid.uuid4().hex
    common = {"AccountSid": args.account, "CallSid": sid, "From": args.caller, "To": args.to,
              "Direction": "inbound"}
    status, twiml = post(args.platform.rstrip("/") + "/twilio/inbound", args.token,
                         dict(common, CallStatus="ringing"))
    print(f"POST /twilio/inbound -> {status}\n{twiml}\n")
    if status != 200 or args.press is None:
        return 0 if status == 200 else 1
    gather = re.search(r'<Gather[^>]*action="([^"]+)"', twiml)
    if not gather:
        print("the answer has no <Gather>: nothing to press", file=sys.stderr)
        return 1
    action = gather.group(1).replace("&amp;", "&")
    status, twiml = post(action, args.token, dict(common, CallStatus="in-progress", Digits=args.press))
    print(f"POST {action} (Digits={args.press}) -> {status}\n{twiml}")
    return 0 if status == 200 else 1


class FakeApi(BaseHTTPRequestHandler):
    def do_POST(self):
        length = int(self.headers.get("Content-Length", "0"))
        form = dict(urllib.parse.parse_qsl(self.rfile.read(length).decode()))
        kind = "SM" if self.path.endswith("/Messages.json") else "CA" if self.path.endswith("/Calls.json") else None
        if not self.path.startswith("/2010-04-01/Accounts/") or kind is None:
            self.answer(404, {"code": 20404, "message": "not found", "status": 404})
            return
        sid = kind + uuid.uuid4().hex
        what = "SMS" if kind == "SM" else "CALL"
        text = form.get("Body") or form.get("Url") or form.get("Twiml", "")
        print(f"{what} {sid} {form.get('From')} -> {form.get('To')}: {text}", flush=True)
        self.answer(201, {"sid": sid, "account_sid": self.path.split("/")[3], "status": "queued",
                          "to": form.get("To"), "from": form.get("From")})

    def answer(self, status, body):
        data = json.dumps(body).encode()
        self.send_response(status)
        self.send_header("Content-Type", "application/json")
        self.send_header("Content-Length", str(len(data)))
        self.end_headers()
        self.wfile.write(data)

    def log_message(self, *args):
        pass


def serve(args):
    server = ThreadingHTTPServer(("127.0.0.1", args.port), FakeApi)
    print(f"fake Twilio on http://127.0.0.1:{args.port}", flush=True)
    try:
        server.serve_forever()
    except KeyboardInterrupt:
        pass
    return 0


def main():
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    commands = parser.add_subparsers(dest="command", required=True)
    s = commands.add_parser("serve", help="answer the platform's Twilio REST calls")
    s.add_argument("--port", type=int, default=18090)
    c = commands.add_parser("call", help="place a signed inbound call on the platform")
    c.add_argument("--platform", default="http://127.0.0.1:8080")
    c.add_argument("--token", required=True, help="ANXIN_TWILIO_AUTH_TOKEN of the platform")
    c.add_argument("--from", dest="caller", required=True, help="the caller's number")
    c.add_argument("--to", default="+8657112349", help="the 12349 number called")
    c.add_argument("--account", default="AC0123456789abcdef0123456789abcdef")
    c.add_argument("--press", help="the key pressed on the menu, e.g. 1 for emergency help")
    args = parser.parse_args()
    return serve(args) if args.command == "serve" else call(args)


if __name__ == "__main__":
    sys.exit(main())
