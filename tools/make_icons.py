#!/usr/bin/env python3
"""Draw the app icons (static/icons/icon-{192,512}.png, maskable: full-bleed background) with
no image library: a gold five-pointed star on the app's green, 4x supersampled, written as PNG."""
import math, os, struct, zlib

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
GREEN = (11, 110, 79)
GOLD = (255, 201, 40)

def star(cx, cy, r_out, r_in):
    pts = []
    for i in range(10):
        a = -math.pi / 2 + i * math.pi / 5
        r = r_out if i % 2 == 0 else r_in
        pts.append((cx + r * math.cos(a), cy + r * math.sin(a)))
    return pts

def inside(pts, x, y):
    c = False
    j = len(pts) - 1
    for i in range(len(pts)):
        xi, yi = pts[i]; xj, yj = pts[j]
        if (yi > y) != (yj > y) and x < (xj - xi) * (y - yi) / (yj - yi) + xi:
            c = not c
        j = i
    return c

def png(size, path):
    ss = 4
    poly = star(size / 2, size * 0.53, size * 0.30, size * 0.12)
    rows = []
    for y in range(size):
        row = bytearray([0])
        for x in range(size):
            hits = sum(inside(poly, x + (i + .5) / ss, y + (j + .5) / ss) for i in range(ss) for j in range(ss))
            t = hits / (ss * ss)
            row += bytes(round(GREEN[k] * (1 - t) + GOLD[k] * t) for k in range(3))
        rows.append(bytes(row))
    raw = zlib.compress(b"".join(rows), 9)
    def chunk(tag, data):
        return struct.pack(">I", len(data)) + tag + data + struct.pack(">I", zlib.crc32(tag + data) & 0xffffffff)
    with open(path, "wb") as f:
        f.write(b"\x89PNG\r\n\x1a\n" + chunk(b"IHDR", struct.pack(">IIBBBBB", size, size, 8, 2, 0, 0, 0))
                + chunk(b"IDAT", raw) + chunk(b"IEND", b""))

for s in (192, 512):
    png(s, os.path.join(ROOT, "static", "icons", f"icon-{s}.png"))
pts = " ".join(f"{x:.1f},{y:.1f}" for x, y in star(50, 53, 30, 12))
with open(os.path.join(ROOT, "static", "icons", "icon.svg"), "w") as f:
    f.write(f'<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 100 100"><rect width="100" height="100" rx="18" fill="#0b6e4f"/><polygon fill="#ffc928" points="{pts}"/></svg>\n')
print("icons written")
