#!/bin/bash
# tests/cli/photo_clean.sh — an imported or stored photo must be a clean
# baseline JPEG to its last byte: bytes hidden inside a quantisation or
# Huffman table (room a JPEG's segment length leaves) are refused by the
# JSON import and reported by check, as metadata segments are.
. "$top_srcdir/tests/lib.sh"
: "${MKIMG:=$(cd "$(dirname "$0")/../.." && pwd)/tests/photo/mkimg}"

"$MKIMG" jpeg "$T/a.jpg" 320 240
run treatment add --date 2026-11-03
run checkin --day 2 --redness 1 --photo "$T/a.jpg"
run export --format json -o "$T/clean.json"
"$HEALGRID" --db "$T/copy.db" import "$T/clean.json" >/dev/null 2>&1
is "$?" "0" "a clean export imports"

# hide.py IN OUT MARKER: the first segment MARKER of every photo of the
# export carries more than the image needs, in a way the JPEG decoder
# accepts: 0xDB one more quantisation table (id 3, used by no component)
# whose 64 values are a text; 0xC4 its first Huffman table a second time.
cat >"$T/hide.py" <<'PY'
import base64, json, sys
src, dst, marker = sys.argv[1], sys.argv[2], int(sys.argv[3], 16)
def hide(jpeg):
    i = 2
    while True:
        m, n = jpeg[i + 1], jpeg[i + 2] << 8 | jpeg[i + 3]
        if m == marker:
            body = jpeg[i + 4:i + 2 + n]
            if m == 0xDB:
                extra = bytes([3]) + b"hidden: GPS 48.8584 N 2.2945 E, camera X100V, 2026-11".ljust(64, b".")
            else:
                extra = body[:17 + sum(body[1:17])]
            body += extra
            n = len(body) + 2
            return jpeg[:i + 2] + bytes([n >> 8, n & 255]) + body + jpeg[i + 2 + n - len(extra):]
        i += 2 + n
d = json.load(open(src))
for t in d["treatments"]:
    for c in t["checkins"]:
        for p in c["photos"]:
            p["jpeg"] = base64.b64encode(hide(base64.b64decode(p["jpeg"]))).decode()
json.dump(d, open(dst, "w"))
PY
python3 "$T/hide.py" "$T/clean.json" "$T/hidden-DB.json" DB
"$HEALGRID" --db "$T/h-DB.db" import "$T/hidden-DB.json" >"$T/out" 2>"$T/err"
is "$?" "2" "a quantisation table no component uses: the import refuses the photo"
like "$(cat "$T/err")" "*photos[[]0[]].jpeg: a JPEG table that the image does not use*" "saying so"
python3 "$T/hide.py" "$T/clean.json" "$T/hidden-C4.json" C4
"$HEALGRID" --db "$T/h-C4.db" import "$T/hidden-C4.json" >"$T/out" 2>"$T/err"
is "$?" "2" "a Huffman table defined twice: the import refuses the photo"
like "$(cat "$T/err")" "*segment 0xC4 holds more or other than a baseline JPEG needs*" "saying so"

# check reads every stored photo the same way.
run check
is "$out" "ok" "check: the photo attached is clean"
python3 - "$T/hidden-DB.json" "$T/bad.hex" <<'PY'
import base64, json, sys
d = json.load(open(sys.argv[1]))
open(sys.argv[2], "w").write(base64.b64decode(d["treatments"][0]["checkins"][0]["photos"][0]["jpeg"]).hex())
PY
sqlite3 "$DB" "UPDATE photo SET jpeg = X'$(cat "$T/bad.hex")', bytes = length(X'$(cat "$T/bad.hex")')"
run check
like "$out" "*a JPEG table that the image does not use*" "check reports the hidden table"
done_testing
