#!/usr/bin/env python3
# 95% coverage of a forecast's intervals split by whether a shock arrives inside the test horizon (issue 33 §1,
# docs/forecasting.md "Short yearly batches"): a shock is a one-step change of the actual values (from the last training
# value on) that departs from the training part's mean change by more than K times the training changes' mean absolute
# deviation. Prints the coverage on series with a shock and on the others, and on the shock series the coverage from
# the first shock on and before it — marginal coverage can be right while the first is low.
# usage: python3 benchmarks/shock-coverage.py TRAIN.csv TEST.csv FORECAST.csv [K=3]
#   FORECAST.csv from `analytics forecast --input TRAIN.csv --horizon H --model auto --level 95 --output FORECAST.csv`
import csv, statistics, sys
from collections import defaultdict

train_path, test_path, forecast_path = sys.argv[1:4]
K = float(sys.argv[4]) if len(sys.argv) > 4 else 3.0


def read(path):
    series = defaultdict(list)
    with open(path) as f:
        rows = csv.reader(f)
        next(rows)
        for r in rows:
            series[r[0]].append(float(r[2]))
    return series


train, test = read(train_path), read(test_path)
intervals = defaultdict(list)
with open(forecast_path) as f:
    for r in csv.DictReader(f):
        intervals[r['unique_id']].append((float(r['lo-95']), float(r['hi-95'])))

totals = {k: [0, 0] for k in ('shock', 'calm', 'from the shock', 'before it')}
shocked = 0
for sid, y in train.items():
    actual = test[sid][:len(intervals[sid])]
    changes = [y[i] - y[i - 1] for i in range(1, len(y))]
    mean = statistics.fmean(changes)
    mad = statistics.fmean(abs(c - mean) for c in changes)
    path = y[-1:] + actual
    shocks = [k for k in range(len(actual)) if abs(path[k + 1] - path[k] - mean) > K * mad]
    covered = [lo <= a <= hi for a, (lo, hi) in zip(actual, intervals[sid])]
    part = totals['shock' if shocks else 'calm']
    part[0] += sum(covered)
    part[1] += len(covered)
    if shocks:
        shocked += 1
        first = shocks[0]
        for key, values in (('from the shock', covered[first:]), ('before it', covered[:first])):
            totals[key][0] += sum(values)
            totals[key][1] += len(values)

print(f'{forecast_path}: {len(train)} series, {shocked} with a shock (K = {K:g}) inside the horizon; 95% coverage: '
      + ', '.join(f'{k} {v[0] / max(1, v[1]):.3f} ({v[1]} values)' for k, v in totals.items()))
