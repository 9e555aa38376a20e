#!/usr/bin/env python3
"""Presses SOS over MQTT-over-WebSocket, as the SOS phone page does, with the standard library only:
a WebSocket handshake (subprotocol "mqtt"), then MQTT 3.1.1 CONNECT, a QoS 1 PUBLISH and its PUBACK.
Used by docker/test.sh through the balancer; exits 0 only when CONNACK accepted and PUBACK arrived.

usage: ws-sos.py HOST PORT PATH DEVICE_ID SECRET
"""
import base64
import datetime
import json
import os
import socket
import struct
import sys


def frame(payload: bytes) -> bytes:
    """A masked binary WebSocket frame (clients must mask)."""
    mask = os.urandom(4)
    header = bytes([0x82])
    n = len(payload)
    if n < 126:
        header += bytes([0x80 | n])
    else:
        header += bytes([0x80 | 126]) + struct.pack("!H", n)
    return header + mask + bytes(b ^ mask[i % 4] for i, b in enumerate(payload))


def read_exact(sock, n):
    data = b""
    while len(data) < n:
        chunk = sock.recv(n - len(data))
        if not chunk:
            raise EOFError("connection closed")
        data += chunk
    return data


def read_frame(sock) -> bytes:
    first, second = read_exact(sock, 2)
    n = second & 0x7F
    if n == 126:
        n = struct.unpack("!H", read_exact(sock, 2))[0]
    elif n == 127:
        n = struct.unpack("!Q", read_exact(sock, 8))[0]
    return read_exact(sock, n)


def string(s: str) -> bytes:
    b = s.encode()
    return struct.pack("!H", len(b)) + b


def packet(kind: int, body: bytes) -> bytes:
    length, encoded = len(body), b""
    while True:
        digit, length = length % 128, length // 128
        encoded += bytes([digit | (0x80 if length else 0)])
        if not length:
            return bytes([kind]) + encoded + body


def main():
    host, port, path, device, secret = sys.argv[1], int(sys.argv[2]), sys.argv[3], sys.argv[4], sys.argv[5]
    sock = socket.create_connection((host, port), timeout=15)
    key = base64.b64encode(os.urandom(16)).decode()
    sock.sendall(
        (
            f"GET {path} HTTP/1.1\r\nHost: {host}:{port}\r\nUpgrade: websocket\r\nConnection: Upgrade\r\n"
            f"Sec-WebSocket-Key: {key}\r\nSec-WebSocket-Version: 13\r\nSec-WebSocket-Protocol: mqtt\r\n\r\n"
        ).encode()
    )
    response = b""
    while b"\r\n\r\n" not in response:
        response += sock.recv(1)
    if not response.startswith(b"HTTP/1.1 101"):
        sys.exit(f"handshake refused: {response.splitlines()[0].decode()}")
    connect = string("MQTT") + bytes([4, 0xC2]) + struct.pack("!H", 60) + string(device) + string(device) + string(secret)
    sock.sendall(frame(packet(0x10, connect)))
    connack = read_frame(sock)
    if len(connack) < 4 or connack[0] != 0x20 or connack[3] != 0:
        sys.exit(f"CONNACK refused: {connack.hex()}")
    now = datetime.datetime.now(datetime.timezone.utc).strftime("%Y-%m-%dT%H:%M:%SZ")
    event = json.dumps({"type": "SOS", "ts": now, "lat": 30.2741, "lon": 120.1551}).encode()
    publish = string(f"anxin/v1/devices/{device}/events") + struct.pack("!H", 1) + event
    sock.sendall(frame(packet(0x32, publish)))
    puback = read_frame(sock)
    if puback[:1] != b"\x40" or puback[2:4] != b"\x00\x01":
        sys.exit(f"no PUBACK for packet 1: {puback.hex()}")
    sock.sendall(frame(packet(0xE0, b"")))
    sock.close()
    print("CONNACK accepted, PUBACK received")


if __name__ == "__main__":
    main()
