#!/usr/bin/env python3
"""Batch (Hungarian) vs greedy nearest-first assignment of home-service orders on a running demo city.

A benchmark of the plan, not a test. Run against a `./anxin demo` with a fresh data directory (it
books real orders in that city's data, and older REQUESTED orders in the same windows would join
the batches). For each load (orders per window, default 4, 8 and 12) it books that many orders for
random seniors (random catalogue items that some provider offers) in each of WINDOWS two-hour
windows (09:00-11:00 and 14:00-16:00 Beijing time on the days from tomorrow, or first_day, on), then asks
GET /api/orders/assign/compare for each window and keeps both plans. Nothing is assigned.

Per load it reports the orders each plan serves, the mean ETA of what each serves, and, over the
windows where both serve the same number of orders (the only windows where mean ETAs compare like
with like), the mean ETA of each and the batch's reduction. Writes
bench/results/orders-compare-<UTC time>.json and prints a markdown table.

    ANXIN_ADMIN_PASSWORD=... bench/orders-compare.py [http://127.0.0.1:8080] [windows=8] [loads=4,8,12] [first_day=1]

(first_day: days from today of the first window; give a later one to run again on the same data.)
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
windows = int(sys.argv[2]) if len(sys.argv) > 2 else 8
loads = [int(n) for n in (sys.argv[3] if len(sys.argv) > 3 else "4,8,12").split(",")]
first_day = int(sys.argv[4]) if len(sys.argv) > 4 else 1
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


def window_starts():
    """Two windows a day (01:00Z and 06:00Z = 09:00 and 14:00 Beijing), from first_day on."""
    day = datetime.date.today() + datetime.timedelta(days=first_day)
    while True:
        for hour in (1, 6):
            yield datetime.datetime(day.year, day.month, day.day, hour, tzinfo=datetime.timezone.utc)
        day += datetime.timedelta(days=1)


def iso(t):
    return t.strftime("%Y-%m-%dT%H:%M:%SZ")


_, catalog = call("GET", "/api/catalog")
items = [item for category in catalog for item in category["items"] if item.get("providers")]
_, seniors = call("GET", "/api/seniors")
seniors = [s for s in seniors if s.get("lat") is not None]
starts = window_starts()
runs = []
for load in loads:
    if load > len(seniors):
        sys.exit(f"{load} orders per window but only {len(seniors)} seniors with a home position")
    for n in range(windows):
        start = next(starts)
        rnd = random.Random(load * 1000 + n)
        for senior in rnd.sample(seniors, load):
            item = rnd.choice(items)
            status, body = call("POST", "/api/orders", {
                "seniorId": senior["id"], "itemId": item["id"], "notes": "orders-compare benchmark",
                "window": {"from": iso(start), "to": iso(start + datetime.timedelta(hours=2))}})
            if status != 201:
                sys.exit(f"booking failed: {status} {body}")
        status, plans = call("GET", "/api/orders/assign/compare?from=" + iso(start)
                             + "&to=" + iso(start + datetime.timedelta(minutes=1)))
        if status != 200:
            sys.exit(f"compare failed: {status} {plans}")
        runs.append({"load": load, "window": iso(start), "batch": plans["batch"], "greedy": plans["greedy"]})


def mean(values):
    return sum(values) / len(values) if values else float("nan")


summary = []
for load in loads:
    rows = [r for r in runs if r["load"] == load]
    served = {s: sum(len(r[s]["assigned"]) for r in rows) for s in ("batch", "greedy")}
    eta = {s: mean([p["etaSeconds"] for r in rows for p in r[s]["assigned"]]) for s in ("batch", "greedy")}
    same = [r for r in rows if len(r["batch"]["assigned"]) == len(r["greedy"]["assigned"])]
    same_eta = {s: mean([p["etaSeconds"] for r in same for p in r[s]["assigned"]]) for s in ("batch", "greedy")}
    differ = sum(1 for r in same if r["batch"]["totalEtaSeconds"] != r["greedy"]["totalEtaSeconds"])
    summary.append({
        "ordersPerWindow": load, "windows": len(rows), "orders": load * len(rows),
        "batchServed": served["batch"], "greedyServed": served["greedy"],
        "batchMeanEtaSeconds": round(eta["batch"], 1), "greedyMeanEtaSeconds": round(eta["greedy"], 1),
        "sameCountWindows": len(same), "sameCountWindowsWherePlansDiffer": differ,
        "sameCountBatchMeanEtaSeconds": round(same_eta["batch"], 1),
        "sameCountGreedyMeanEtaSeconds": round(same_eta["greedy"], 1),
        "sameCountReductionPercent": round(100 * (1 - same_eta["batch"] / same_eta["greedy"]), 1) if same else None,
    })

stamp = datetime.datetime.now(datetime.timezone.utc).strftime("%Y%m%dT%H%M%SZ")
out = os.path.join(os.path.dirname(os.path.abspath(__file__)), "results", f"orders-compare-{stamp}.json")
with open(out, "w", encoding="utf-8") as f:
    json.dump({"summary": summary, "runs": runs}, f, ensure_ascii=False)
print("| orders / window | windows | batch served | greedy served | batch mean ETA s | greedy mean ETA s"
      " | windows with equal counts (plans differ) | there: batch / greedy mean ETA s | reduction |")
print("| --- | --- | --- | --- | --- | --- | --- | --- | --- |")
for s in summary:
    reduction = "–" if s["sameCountReductionPercent"] is None else f"{s['sameCountReductionPercent']:.1f} %"
    print(f"| {s['ordersPerWindow']} | {s['windows']} | {s['batchServed']} of {s['orders']} | {s['greedyServed']} of"
          f" {s['orders']} | {s['batchMeanEtaSeconds']:.0f} | {s['greedyMeanEtaSeconds']:.0f} |"
          f" {s['sameCountWindows']} ({s['sameCountWindowsWherePlansDiffer']}) |"
          f" {s['sameCountBatchMeanEtaSeconds']:.0f} / {s['sameCountGreedyMeanEtaSeconds']:.0f} | {reduction} |")
print("results:", out)
