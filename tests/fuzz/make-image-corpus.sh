#!/bin/sh
# make-image-corpus.sh — how tests/fuzz/corpus/image was made: small
# images of every kind the photo loader meets, from tests/photo/mkimg (a
# JPEG, camera JPEGs with EXIF in each orientation, PNGs with alpha, 16-bit
# grey and a palette, a header-only PNG too wide, a cut JPEG, text).  The
# files are committed; run this after changing mkimg.
#   tests/fuzz/make-image-corpus.sh path/to/mkimg
set -eu
mkimg=${1:?usage: make-image-corpus.sh MKIMG}
dir=$(dirname "$0")/corpus/image
find "$dir" -type f ! -name png_huge_chunk.png -exec rm -f {} +
mkdir -p "$dir"
"$mkimg" jpeg "$dir/plain.jpg" 24 16
for o in 1 3 6 8; do
	"$mkimg" exif "$dir/exif$o.jpg" 16 8 "$o"
done
"$mkimg" png "$dir/alpha.png" 12 8
"$mkimg" png16 "$dir/grey16.png" 8 4
"$mkimg" pngpal "$dir/palette.png" 8 4
"$mkimg" pnghdr "$dir/wide.png" 30000 1
head -c 300 "$dir/exif6.jpg" >"$dir/cut.jpg"
printf 'not a picture\n' >"$dir/text.jpg"
# the TIFF block of an EXIF segment alone (the harness also parses its
# input as the payload of an APP1 segment)
python3 -c '
import sys
d = open(sys.argv[1], "rb").read()
i = d.index(b"Exif\0\0")
n = (d[i - 2] << 8 | d[i - 1]) - 2
open(sys.argv[2], "wb").write(d[i + 6:i + n])' "$dir/exif6.jpg" "$dir/tiff6.bin"
# png_huge_chunk.png was found by the fuzzer (a chunk length past the end of the file) and is kept by hand.
