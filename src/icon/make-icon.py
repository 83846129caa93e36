#!/usr/bin/env python3
"""Draws the packages' icon (icon.png, 128x128): a rising history line in the charts' blue, the forecast fan in
their orange, the target as their green diamond, on white. Pure Python (zlib, struct): rerun to regenerate."""
import math, os, struct, zlib

N, S = 128, 4  # size, supersampling per axis
BLUE, ORANGE, GREEN, WHITE = (0x1F, 0x3A, 0x5F), (0xF2, 0x8F, 0x3B), (0x2A, 0x9D, 0x8F), (255, 255, 255)

def seg_dist(px, py, ax, ay, bx, by):
    dx, dy = bx - ax, by - ay
    t = max(0.0, min(1.0, ((px - ax) * dx + (py - ay) * dy) / (dx * dx + dy * dy)))
    return math.hypot(px - (ax + t * dx), py - (ay + t * dy))

history = [(14, 100), (34, 88), (52, 92), (72, 66), (86, 58)]
def colour(x, y):
    # rounded frame
    r, m = 22, 4
    cx, cy = min(max(x, m + r), N - m - r), min(max(y, m + r), N - m - r)
    d = math.hypot(x - cx, y - cy)
    if d > r: return None
    if d > r - 5: return BLUE
    # target diamond at (109, 28), over the fan
    if abs(x - 109) + abs(y - 28) <= 10: return GREEN
    # fan: from (86,58) widening to x=108
    if 86 <= x <= 108:
        t = (x - 86) / 22
        mid = 58 - 20 * t
        half80, half95 = 10 * t, 20 * t
        if abs(y - mid) <= half80: return tuple(int(0.5 * c + 0.5 * w) for c, w in zip(ORANGE, WHITE))
        if abs(y - mid) <= half95: return tuple(int(0.25 * c + 0.75 * w) for c, w in zip(ORANGE, WHITE))
    for (ax, ay), (bx, by) in zip(history, history[1:]):
        if seg_dist(x, y, ax, ay, bx, by) <= 4.2: return BLUE
    return WHITE

rows = []
for j in range(N):
    row = bytearray([0])
    for i in range(N):
        acc, n = [0, 0, 0, 0], S * S
        for sj in range(S):
            for si in range(S):
                c = colour(i + (si + 0.5) / S, j + (sj + 0.5) / S)
                if c is not None:
                    acc[0] += c[0]; acc[1] += c[1]; acc[2] += c[2]; acc[3] += 255
        a = acc[3] // n
        row += bytes([acc[0] * 255 // max(acc[3], 1), acc[1] * 255 // max(acc[3], 1), acc[2] * 255 // max(acc[3], 1), a]) if a else bytes(4)
    rows.append(bytes(row))

def chunk(kind, data):
    return struct.pack(">I", len(data)) + kind + data + struct.pack(">I", zlib.crc32(kind + data) & 0xFFFFFFFF)

png = b"\x89PNG\r\n\x1a\n" + chunk(b"IHDR", struct.pack(">IIBBBBB", N, N, 8, 6, 0, 0, 0)) \
    + chunk(b"IDAT", zlib.compress(b"".join(rows), 9)) + chunk(b"IEND", b"")
out = os.path.join(os.path.dirname(os.path.abspath(__file__)), "icon.png")
open(out, "wb").write(png)
print(f"wrote {out} ({len(png)} bytes)")
