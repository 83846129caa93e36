#!/usr/bin/env python3
# Leave-one-collection-out choice of auto's interval calibration (issue 33 §1, docs/forecasting.md "Short yearly
# batches"): reads the RESULT lines of `auto-recipes.cs intervals` (one per collection and calibration variant: 95%
# coverage on all series, on shock series, on calm series, from the shock on; MSIS on all and on shock series), and for
# each collection held out chooses the variant with the lowest mean MSIS relative to auto's on the other collections,
# among those whose coverage is in [LOW, HIGH] on every one of them (any variant if none is), then shows what the
# choice does on the collection held out. Variants missing on a collection are compared only where present.
# usage: python3 benchmarks/loco-intervals.py RESULTS.txt [LOW=0.90 HIGH=0.97]
import sys
from collections import defaultdict

path = sys.argv[1]
low = float(sys.argv[2]) if len(sys.argv) > 2 else 0.90
high = float(sys.argv[3]) if len(sys.argv) > 3 else 0.97
rows = {}
variants, collections = [], []
for line in open(path):
    if not line.startswith('RESULT\t'):
        continue
    _, coll, variant, cov, shock, calm, after, msis, msis_shock, shocks, series = line.rstrip('\n').split('\t')
    rows[coll, variant] = dict(cov=float(cov), shock=float(shock), calm=float(calm), after=float(after), msis=float(msis),
                               msis_shock=float(msis_shock), shocks=int(shocks), series=int(series))
    if variant not in variants:
        variants.append(variant)
    if coll not in collections:
        collections.append(coll)


def rel(coll, variant):
    return rows[coll, variant]['msis'] / rows[coll, 'auto']['msis']


def fmt(r):
    return f"{r['cov']:.3f} / {r['shock']:.3f} / {r['calm']:.3f} / {r['after']:.3f} | {r['msis']:.2f}"


print(f'relative MSIS (against auto) per collection; coverage band [{low}, {high}]')
print('| variant | ' + ' | '.join(collections) + ' | mean |')
print('|---|' + '---|' * (len(collections) + 1))
for v in variants:
    r = [rel(c, v) for c in collections if (c, v) in rows]
    print(f'| {v} | ' + ' | '.join(f'{rel(c, v):.3f}' if (c, v) in rows else '' for c in collections) + f' | {sum(r) / len(r):.4f} |')

print()
print('| held out | chosen on the others | coverage all / shock / calm / from the shock, MSIS: before | after | relative MSIS |')
print('|---|---|---|---|---|')
total = []
for out in collections:
    others = [c for c in collections if c != out]
    best = None
    for v in variants:
        if (out, v) not in rows:
            continue
        present = [c for c in others if (c, v) in rows]
        if not present:
            continue
        score = sum(rel(c, v) for c in present) / len(present)
        inside = all(low <= rows[c, v]['cov'] <= high for c in present)
        key = (not inside, score)
        if best is None or key < best[0]:
            best = (key, v)
    v = best[1]
    total.append(rel(out, v))
    print(f'| {out} | {v} | {fmt(rows[out, "auto"])} | {fmt(rows[out, v])} | {rel(out, v):.3f} |')
print(f'\nmean relative MSIS held out: {sum(total) / len(total):.4f}')
