#!/usr/bin/env bash
# render.sh — draws every chart kind from SQL, shows each SVG in an HTML page
# in headless Chromium, screenshots it and checks the PNG is not blank (a
# fair share of non-white pixels in several colours).  The pages and PNGs
# stay in build/charts/.  Ends with "N passed, N failed" (one count per
# chart); without /usr/bin/chromium it is skipped and prints "0 passed,
# 0 failed".
#
# Uses the installed extension in a throw-away cluster (pg_virtualenv).  The
# caller must hold /tmp/aibiz-pg.lock (scripts/test.sh does); pass --lock to
# take it here and install this checkout's build first.
set -uo pipefail

cd "$(dirname "$0")/../.."
OUT=build/charts
CHROMIUM=/usr/bin/chromium

if [ ! -x "$CHROMIUM" ]; then
	echo "charts: skipped, $CHROMIUM not found"
	echo "0 passed, 0 failed"
	exit 0
fi
rm -rf "$OUT"
mkdir -p "$OUT"

# the SVGs, from SQL
sql=(pg_virtualenv -t -v 15 psql -X -q -v dir="$OUT" -f test/charts/charts.sql)
if [ "${1:-}" = --lock ]; then
	sql=(flock /tmp/aibiz-pg.lock bash -c 'make -s install >/dev/null && "$@"' -- "${sql[@]}")
fi
if ! "${sql[@]}"; then
	echo "charts: the SQL that draws the charts failed"
	echo "0 passed, 1 failed"
	exit 1
fi

# pixels of a PNG: prints "width height non-white-share colours"
png_stats() {
	python3 - "$1" <<'PY'
import struct, sys, zlib
data = open(sys.argv[1], "rb").read()
assert data[:8] == b"\x89PNG\r\n\x1a\n", "not a PNG"
pos, idat = 8, b""
while pos < len(data):
    n, kind = struct.unpack(">I4s", data[pos:pos + 8])
    body = data[pos + 8:pos + 8 + n]
    if kind == b"IHDR":
        w, h, depth, ctype = struct.unpack(">IIBB", body[:10])
    elif kind == b"IDAT":
        idat += body
    pos += 12 + n
assert depth == 8 and ctype in (2, 6), "unexpected PNG format"
bpp = 3 if ctype == 2 else 4
raw = zlib.decompress(idat)
stride = w * bpp
prev = bytearray(stride)
nonwhite, colours, i = 0, set(), 0
for y in range(h):
    f = raw[i]
    line = bytearray(raw[i + 1:i + 1 + stride])
    i += 1 + stride
    for x in range(stride):
        a = line[x - bpp] if x >= bpp else 0
        b = prev[x]
        c = prev[x - bpp] if x >= bpp else 0
        if f == 1:
            line[x] = (line[x] + a) & 255
        elif f == 2:
            line[x] = (line[x] + b) & 255
        elif f == 3:
            line[x] = (line[x] + (a + b) // 2) & 255
        elif f == 4:
            p = a + b - c
            pa, pb, pc = abs(p - a), abs(p - b), abs(p - c)
            pr = a if pa <= pb and pa <= pc else (b if pb <= pc else c)
            line[x] = (line[x] + pr) & 255
    for x in range(0, stride, bpp):
        px = bytes(line[x:x + 3])
        if px != b"\xff\xff\xff":
            nonwhite += 1
            colours.add(px)
    prev = line
print(w, h, "%.4f" % (nonwhite / (w * h)), len(colours))
PY
}

pass=0
fail=0
for svg in "$OUT"/*.svg; do
	name=$(basename "$svg" .svg)
	html="$OUT/$name.html"
	png="$OUT/$name.png"
	{
		echo '<!doctype html><html><head><meta charset="utf-8"><title>'"$name"'</title>'
		echo '<style>body{margin:0;background:#fff}</style></head><body>'
		cat "$svg"
		echo '</body></html>'
	} >"$html"
	profile=$(mktemp -d)
	timeout 90 "$CHROMIUM" --headless --no-sandbox --disable-gpu --disable-quic --no-first-run \
		--disable-background-networking --disable-component-update --disable-sync \
		--hide-scrollbars --user-data-dir="$profile" --window-size=640,480 \
		--screenshot="$PWD/$png" "file://$PWD/$html" >"$OUT/$name.log" 2>&1
	rm -rf "$profile"
	if [ ! -s "$png" ]; then
		echo "FAIL $name: no screenshot (see $OUT/$name.log)"
		fail=$((fail + 1))
		continue
	fi
	read -r w h share colours < <(png_stats "$png")
	# a chart covers between 2 % and 60 % of the page with at least 4 colours
	if awk -v s="$share" -v c="$colours" 'BEGIN { exit !(s >= 0.02 && s <= 0.60 && c >= 4) }'; then
		echo "ok   $name: ${w}x${h}, non-white $share, $colours colours"
		pass=$((pass + 1))
	else
		echo "FAIL $name: ${w}x${h}, non-white $share, $colours colours"
		fail=$((fail + 1))
	fi
done
echo "$pass passed, $fail failed"
[ "$fail" -eq 0 ]
