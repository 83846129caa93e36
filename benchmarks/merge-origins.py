#!/usr/bin/env python3
# Joins a standard dump of benchmarks/auto-recipes.cs (origins 1-3 = h, h + 1, h + 2 values before the end) and an
# ORIGINS=near dump (origins 1-3 values before the end) into one dump per collection, numbered as an ORIGINS=latest dump:
#   python3 benchmarks/merge-origins.py STD_DIR NEAR_DIR OUT_DIR
import sys, os
std, near, out = sys.argv[1:4]
os.makedirs(out, exist_ok=True)
for f in sorted(os.listdir(near)):
    if not f.endswith('.tsv') or not os.path.exists(os.path.join(std, f)): continue
    lines = open(os.path.join(std, f)).read().splitlines()
    header = lines[0]
    h = None
    rows = []
    for l in lines[1:]:
        p = l.split('\t')
        if p[1] == '0':
            h = len(p[4].split(';')) if h is None else h
    for l in lines[1:]:
        p = l.split('\t')
        o = int(p[1])
        if o > 0: p[1] = str(o + h - 1)
        rows.append('\t'.join(p))
    nl = open(os.path.join(near, f)).read().splitlines()
    assert nl[0] == header
    rows += nl[1:]
    open(os.path.join(out, f), 'w').write(header + '\n' + '\n'.join(rows) + '\n')
    print(f, h, len(rows))
