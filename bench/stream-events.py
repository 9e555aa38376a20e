#!/usr/bin/env python3
"""Counts the device events held in Redis streams (docs/events.md): a single entry (v1) is one
event, a batch entry (v2) as many as its `events` array holds.

    bench/stream-events.py PORT [PREFIX [PARTITIONS]]    (defaults: anxin:events: 8)

Stdlib only: a minimal RESP client reading XRANGE in pages."""
import json
import socket
import sys


class Resp:
    def __init__(self, port):
        self.sock = socket.create_connection(("127.0.0.1", port))
        self.file = self.sock.makefile("rb")

    def call(self, *args):
        out = [b"*%d\r\n" % len(args)]
        for arg in args:
            data = arg if isinstance(arg, bytes) else str(arg).encode()
            out += [b"$%d\r\n" % len(data), data, b"\r\n"]
        self.sock.sendall(b"".join(out))
        return self.read()

    def read(self):
        line = self.file.readline().rstrip(b"\r\n")
        kind, rest = line[:1], line[1:]
        if kind == b"+":
            return rest.decode()
        if kind == b"-":
            raise RuntimeError(rest.decode())
        if kind == b":":
            return int(rest)
        if kind == b"$":
            n = int(rest)
            if n < 0:
                return None
            data = self.file.read(n + 2)[:-2]
            return data
        if kind == b"*":
            n = int(rest)
            return None if n < 0 else [self.read() for _ in range(n)]
        raise RuntimeError("unexpected reply %r" % line)


def events_in(entry_fields):
    fields = dict(zip(entry_fields[0::2], entry_fields[1::2]))
    if fields.get(b"v") == b"2":
        return len(json.loads(fields[b"events"]))
    return 1


def main():
    port = int(sys.argv[1])
    prefix = sys.argv[2] if len(sys.argv) > 2 else "anxin:events:"
    partitions = int(sys.argv[3]) if len(sys.argv) > 3 else 8
    redis = Resp(port)
    events = entries = 0
    for p in range(partitions):
        start = "-"
        while True:
            page = redis.call("XRANGE", "%s%d" % (prefix, p), start, "+", "COUNT", 1000)
            for entry_id, fields in page:
                events += events_in(fields)
                entries += 1
            if len(page) < 1000:
                break
            start = "(" + page[-1][0].decode()
    print(events, entries)


if __name__ == "__main__":
    main()
