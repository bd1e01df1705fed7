#!/usr/bin/env bash
# Cuts the fonts report-service embeds in PDFs (src/main/resources/fonts) from the OFL-licensed static TrueType
# Noto SC fonts of the npm packages @expo-google-fonts/noto-serif-sc and @expo-google-fonts/noto-sans-sc, down to
# the characters reports use (see README.md there). Downloads go to a scratch directory, never into the repository.
#
#   report-service/src/main/fonts/subset.sh [EXTRA_TEXT_FILE ...]
#
# EXTRA_TEXT_FILEs (UTF-8) add their characters, e.g. the seed documents the fixtures were taken from.
# Needs npm, and fontTools (Debian: apt-get install fonttools) for the Python interpreter $PYTHON (default python3).
set -euo pipefail

SERIF_PACKAGE=@expo-google-fonts/noto-serif-sc@0.4.3
SANS_PACKAGE=@expo-google-fonts/noto-sans-sc@0.4.3
PYTHON=${PYTHON:-python3}

here=$(cd "$(dirname "$0")" && pwd)
repo=$(cd "$here/../../../.." && pwd)
out="$repo/report-service/src/main/resources/fonts"
scratch=$(mktemp -d)
trap 'rm -rf "$scratch"' EXIT

extra=()
for f in "$@"; do
  extra+=("$(cd "$(dirname "$f")" && pwd)/$(basename "$f")")
done

for package in "$SERIF_PACKAGE" "$SANS_PACKAGE"; do
  name=${package%@*}; name=${name#@expo-google-fonts/}
  tarball=$(cd "$scratch" && npm pack --silent "$package")
  mkdir -p "$scratch/$name" && tar xzf "$scratch/$tarball" -C "$scratch/$name" --strip-components=1
done
serif="$scratch/noto-serif-sc/400Regular/NotoSerifSC_400Regular.ttf"
sans="$scratch/noto-sans-sc/700Bold/NotoSansSC_700Bold.ttf"

# The character set, one U+XXXX a line.
(cd "$repo" && "$PYTHON" - "${extra[@]}" > "$scratch/unicodes.txt") <<'PY'
import pathlib, sys

chars = set()
# GB 2312: every valid two-byte code (rows 1-9 symbols, Greek, Cyrillic, pinyin; rows 16-87 the 6763 hanzi)
for lead in range(0xA1, 0xF8):
    for trail in range(0xA1, 0xFF):
        try:
            chars.add(bytes([lead, trail]).decode("gb2312"))
        except UnicodeDecodeError:
            pass
chars -= {chr(c) for c in range(0x2500, 0x2580)}  # GB 2312's box drawing: reports draw tables with borders
ranges = [
    (0x0020, 0x007E), (0x00A0, 0x00FF),  # ASCII, Latin-1
    (0x2000, 0x206F),  # general punctuation: — – ‘ ’ “ ” … ‰ ※
    (0x2100, 0x214F),  # letterlike symbols: ℃ № ™
    (0x2150, 0x218F),  # number forms: Ⅰ–Ⅻ ⅰ–ⅻ
    (0x2190, 0x21FF),  # arrows: → ←
    (0x2460, 0x24FF),  # enclosed alphanumerics: ① … ⑳ ⑴ ⒈
    (0x3000, 0x303F),  # CJK symbols and punctuation: 、。《》「」【】〔〕
    (0xFF00, 0xFFEF),  # full-width forms: （）：；％，
]
for first, last in ranges:
    chars.update(chr(c) for c in range(first, last + 1))
chars.update("−±×÷≤≥≠≈∑%")  # U+2212 minus and the operators figures and findings use

# Every character of the texts reports are made of: fixtures, templates, sources, reference data.
scanned = ["deploy/fixtures", "report-service/src/main", "assessment-service/src/main/resources",
           "budget-service/src/main/resources", "personnel-service/src/main/resources"]
files = [p for d in scanned for p in sorted(pathlib.Path(d).rglob("*"))
         if p.is_file() and "fonts" not in p.parts]
files += [pathlib.Path(f) for f in sys.argv[1:]]
used = set()
for p in files:
    try:
        used.update(p.read_bytes().decode("utf-8"))
    except UnicodeDecodeError:
        continue  # not text
used = {c for c in used if ord(c) >= 0x20 and not 0x7F <= ord(c) < 0xA0 and c != "\ufeff"}
print(f"subset.sh: {len(chars)} listed characters; {len(files)} files use {len(used)}, {len(used - chars)} of them not listed: "
      + "".join(sorted(used - chars)), file=sys.stderr)
chars |= used
for c in sorted(chars):
    print(f"U+{ord(c):04X}")
PY

subset() {
  "$PYTHON" -m fontTools.subset "$1" --output-file="$2" --unicodes-file="$scratch/unicodes.txt" \
    --no-hinting --drop-tables+=GSUB,GPOS,GDEF,BASE,STAT,vhea,vmtx --no-glyph-names --name-IDs=0,1,2,3,4,5,6,7,13,14
  echo "subset.sh: $2 $(stat -c %s "$2") bytes" >&2
}
mkdir -p "$out"
subset "$serif" "$out/NotoSerifSC-Regular.subset.ttf"
subset "$sans" "$out/NotoSansSC-Bold.subset.ttf"
