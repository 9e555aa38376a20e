#!/usr/bin/env python3
"""Batch (Hungarian) vs greedy nearest-first assignment of home-service orders on a running demo city.

A benchmark of the plan, not a test. Run against `./anxin demo` (it books real orders in that
city's data): for each of N future days it books 12 orders for 12 random seniors (random catalogue
items, window 09:00-11:00 Beijing time), then asks GET /api/orders/assign/compare for that day and
keeps both plans. Writes bench/results/orders-compare-<UTC time>.json and prints a table.

    ANXIN_ADMIN_PASSWORD=… bench/orders-compare.py [http://127.0.0.1:8080] [days=5]
"""
import base64
import datetime
import json
import os
import random
import sys
import urllib.error
import urllib.request

base = sys.argv[1] if len(sys.argv) > 1 else "http://127.0.0.1:8080"
days = int(sys.argv[2]) if len(sys.argv) > 2 else 5
auth = "Basic " + base64.b64encode(("admin:" + os.environ["ANXIN_ADMIN_PASSWORD"]).encode()).decode()


def call(method, path, body=None):
    request = urllib.request.Request(
        base + path, method=method, data=None if body is None else json.dumps(body).encode(),
        headers={"Authorization": auth, "Content-Type": "application/json"})
    try:
        with urllib.request.urlopen(request) as reply:
            return reply.status, json.load(reply)
    except urllib.error.HTTPError as error:
        return error.code, error.read().decode(errors="replace")


_, catalog = call("GET", "/api/catalog")
items = [item for category in catalog for item in category["items"] if item.get("providers")]
_, seniors = call("GET", "/api/seniors")
seniors = [s for s in seniors if s.get("lat") is not None]
first = datetime.date.today() + datetime.timedelta(days=10)
runs = []
for n in range(days):
    day = (first + datetime.timedelta(days=n)).isoformat()
    rnd = random.Random(n + 1)
    for senior in rnd.sample(seniors, 12):
        item = rnd.choice(items)
        status, body = call("POST", "/api/orders", {
            "seniorId": senior["id"], "itemId": item["id"], "notes": "orders-compare benchmark",
            "window": {"from": day + "T01:00:00Z", "to": day + "T03:00:00Z"}})
        if status != 201:
            sys.exit(f"booking failed: {status} {body}")
    status, plans = call("GET", f"/api/orders/assign/compare?from={day}T00:00:00Z&to={day}T04:00:00Z")
    if status != 200:
        sys.exit(f"compare failed: {status} {plans}")
    runs.append({"day": day, "batch": plans["batch"], "greedy": plans["greedy"]})

stamp = datetime.datetime.now(datetime.timezone.utc).strftime("%Y%m%dT%H%M%SZ")
out = os.path.join(os.path.dirname(os.path.abspath(__file__)), "results", f"orders-compare-{stamp}.json")
with open(out, "w", encoding="utf-8") as f:
    json.dump(runs, f, ensure_ascii=False)
print("| day | orders | batch assigned | batch mean ETA s | greedy assigned | greedy mean ETA s |")
print("| --- | --- | --- | --- | --- | --- |")
for r in runs:
    b, g = r["batch"], r["greedy"]
    print(f"| {r['day']} | 12 | {len(b['assigned'])} | {b['meanEtaSeconds']:.0f} | {len(g['assigned'])} | {g['meanEtaSeconds']:.0f} |")
print("results:", out)
