#!/usr/bin/env python3
"""Compare the ARIMA orders in an `analytics forecast --model arima` output with arima-orders.R's.

usage: compare-arima-orders.py OURS.csv R-ORDERS.csv
Prints how many series got the same (p,d,q)(P,D,Q) and constant, how many the same d and D, and lists the others.
Only the Python standard library is used.
"""
import csv, re, sys

ours = {}
for r in csv.DictReader(open(sys.argv[1], newline="")):
    ours.setdefault(r["unique_id"], r["model"])
pattern = re.compile(r"ARIMA\((\d+),(\d+),(\d+)\)(?:\((\d+),(\d+),(\d+)\)\[\d+\])?(.*)")
same = same_diff = 0
others = []
rows = list(csv.DictReader(open(sys.argv[2], newline="")))
for r in rows:
    m = pattern.match(ours[r["unique_id"]])
    p, d, q, P, D, Q = (int(g or 0) for g in m.groups()[:6])
    constant = int("drift" in m.group(7) or "non-zero" in m.group(7))
    mine = (p, d, q, P, D, Q, constant)
    theirs = tuple(int(r[k]) for k in ("p", "d", "q", "P", "D", "Q", "constant"))
    same += mine == theirs
    same_diff += (d, D) == (theirs[1], theirs[4])
    if mine != theirs:
        others.append((r["unique_id"], theirs, mine))
print(f"series={len(rows)} same_order={same} same_differences={same_diff}")
for uid, theirs, mine in others:
    print(f"  {uid}: R {theirs} ours {mine}")
