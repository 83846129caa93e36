#!/usr/bin/env python3
# Leave one collection out across validation designs: each argument DESIGN=FILE is the output of
# `VALIDATION=... dotnet run -c Release benchmarks/auto-recipes.cs -- loco DIR` (docs/forecasting.md, "Short yearly
# batches"); prints the best recipes overall, auto's rule per design and, per collection held out, the design and
# recipe best on the others with its relative score on the one held out.
# POOL=p7m keeps only the recipes on that pool of members (auto's).
# usage: python3 benchmarks/loco-designs.py std=STD.txt near=NEAR.txt both=BOTH.txt
import sys, re
designs = {}
names = None
pool = None  # POOL=p7m: only the recipes on auto's pool
import os
pool = os.environ.get('POOL')
for arg in sys.argv[1:]:
    d, f = arg.split('=')
    txt = open(f).read().splitlines()
    i = next(k for k, l in enumerate(txt) if l.startswith('recipe:'))
    names = re.search(r'\((.*)\), mean', txt[i]).group(1).split(', ')
    rec = {}
    for l in txt[i+1:]:
        if not l.startswith('  '): break
        m = re.match(r'  (.+?)\s+((?:\d\.\d{3} )+) mean', l)
        if pool is None or m.group(1).startswith(pool + ' '):
            rec[m.group(1).strip()] = [float(x) for x in m.group(2).split()]
    designs[d] = rec
C = len(names)
cands = [(d, r, v) for d, rec in designs.items() for r, v in rec.items()]
def mean(v, ex): return sum(x for c, x in enumerate(v) if c != ex) / (C - (ex >= 0))
print('best overall:')
for d, r, v in sorted(cands, key=lambda x: mean(x[2], -1))[:15]:
    print(f'  {d:6} {r:20} ' + ' '.join(f'{x:.3f}' for x in v) + f'  mean {mean(v,-1):.4f} max {max(v):.3f}')
for d in designs:
    v = designs[d].get('p7m select c0.3/L')
    if v: print(f'  {d:6} {"p7m select c0.3/L":20} ' + ' '.join(f'{x:.3f}' for x in v) + f'  mean {mean(v,-1):.4f}')
print('collections:', ', '.join(names))
print('leave one collection out:')
tot = 0
for c in range(C):
    d, r, v = min(cands, key=lambda x: mean(x[2], c))
    tot += v[c]
    print(f'  {names[c]:18} {d:6} {r:20} held-out rel {v[c]:.4f}')
print(f'  mean held-out {tot/C:.4f}')
