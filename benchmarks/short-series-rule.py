#!/usr/bin/env python3
# A point-forecast rule for short series checked by leave one collection out (issue 33 §1, docs/forecasting.md "Short
# yearly batches"): a series with fewer than N values before the forecast origin (N fixed, or c·h) gets a combination of
# the few-parameter members (drift, the global model, arima, theta) instead of auto's choice for its batch — the reasoning
# being that trend models fitted to a dozen values estimate their trend and damping worst. Reads the test origin of each
# dump (`auto-recipes.cs dump`) and auto's choice per collection from the output of `auto-recipes.cs intervals` ("NAME:
# auto chooses RULE(A+B+…)"); scores sMAPE, MASE and MAPE as `analytics evaluate` does, each variant relative to auto (mean
# of the three ratios), then, per collection held out, the variant best on the other collections among those that worsen
# none of the other collections' three figures by more than 0.5%.
# usage: python3 benchmarks/short-series-rule.py DUMPDIR INTERVALS.txt
import re, statistics, sys

dump_dir, intervals = sys.argv[1:3]
horizon = {}
auto = {}
for line in open(intervals):
    m = re.match(r'(\S+): auto chooses (median|mean)\((.*?)\);', line)
    if m:
        auto[m.group(1)] = (m.group(2), m.group(3).split('+'))


def combine(row, rule, members):
    fs = [row[m] for m in members if row.get(m) is not None] or [row['naive']]
    return [statistics.median(v) if rule == 'median' else sum(v) / len(v) for v in zip(*fs)]


data = {}
for c in auto:
    rows = []
    with open(f'{dump_dir}/{c}.tsv') as f:
        header = f.readline().rstrip('\n').split('\t')
        for line in f:
            p = line.rstrip('\n').split('\t')
            if p[1] != '0':
                continue
            r = {'scale': float(p[2]), 'n': int(p[3]), 'y': [float(x) for x in p[4].split(';')]}
            for k, name in enumerate(header[5:]):
                r[name] = [float(x) for x in p[5 + k].split(';')] if p[5 + k] else None
            rows.append(r)
    data[c] = rows
    horizon[c] = len(rows[0]['y'])


def score(rows, forecast):
    s = m = p = 0.0
    for r in rows:
        f, y = forecast(r), r['y']
        s += statistics.fmean(200 * abs(a - b) / (abs(a) + abs(b)) for a, b in zip(y, f))
        if r['scale'] > 0:
            m += statistics.fmean(abs(a - b) / r['scale'] for a, b in zip(y, f))
        p += statistics.fmean(100 * abs(a - b) / abs(a) for a, b in zip(y, f))
    return s / len(rows), m / len(rows), p / len(rows)


shorts = {'median(drift, global)': ('median', ['drift', 'global']), 'median(theta, drift, global)': ('median', ['theta', 'drift', 'global']),
          'median(drift, global, arima)': ('median', ['drift', 'global', 'arima']), 'drift': ('median', ['drift'])}
thresholds = [('n', n) for n in (10, 12, 14, 16, 18, 20, 25, 30)] + [('h', c) for c in (1.5, 2, 2.5, 3, 4)]
res = {}
for c, rows in data.items():
    rule, members = auto[c]
    res[c, 'auto'] = score(rows, lambda r: combine(r, rule, members))
    for name, (srule, smembers) in shorts.items():
        for kind, t in thresholds:
            limit = t if kind == 'n' else t * horizon[c]
            label = f'{name}, n < {t}' + ('' if kind == 'n' else 'h')
            res[c, label] = score(rows, lambda r: combine(r, srule, smembers) if r['n'] < limit else combine(r, rule, members))
collections = list(data)
variants = list(dict.fromkeys(v for _, v in res))


def rel(c, v):
    return sum(x / y for x, y in zip(res[c, v], res[c, 'auto'])) / 3


def worst(c, v):
    return max(x / y for x, y in zip(res[c, v], res[c, 'auto']))


print('| variant (relative to auto) | ' + ' | '.join(collections) + ' | mean | worst figure elsewhere than M1 yearly |')
print('|---|' + '---|' * (len(collections) + 2))
for v in sorted(variants, key=lambda v: sum(rel(c, v) for c in collections))[:10]:
    print(f'| {v} | ' + ' | '.join(f'{rel(c, v):.3f}' for c in collections) + f' | {sum(rel(c, v) for c in collections) / len(collections):.4f} | '
          + f'{100 * (max(worst(c, v) for c in collections if c != "m1-yearly") - 1):+.1f}% |')
print()
print('| held out | chosen on the others | sMAPE / MASE / MAPE: auto | chosen | relative |')
print('|---|---|---|---|---|')
held = []
for out in collections:
    others = [c for c in collections if c != out]
    v = min(variants, key=lambda v: (any(worst(c, v) > 1.005 for c in others), sum(rel(c, v) for c in others)))
    held.append(rel(out, v))
    print(f'| {out} | {v} | ' + ' / '.join(f'{x:.3f}' for x in res[out, 'auto']) + ' | ' + ' / '.join(f'{x:.3f}' for x in res[out, v]) + f' | {rel(out, v):.4f} |')
print(f'\nmean relative score held out: {sum(held) / len(held):.4f}')
