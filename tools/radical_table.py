"""Regenerate RADICALS in src/cngloss/sources/readers/radicals.py.

PDFs made with Source Han / Noto CJK fonts often map a glyph shared by a radical and an
ideograph (⻓ and 长 are one glyph) back to the radical's code point, so the extracted text
reads ⼯作 for 工作. This prints, for every CJK Radicals Supplement and Kangxi Radicals code
point, the unified ideograph that shares its glyph in Noto Sans CJK SC (falling back to
NFKC where the font has no shared glyph). Needs fontTools and the font (Debian:
fonts-noto-cjk):

    python tools/radical_table.py [/usr/share/fonts/opentype/noto/NotoSansCJK-Regular.ttc]
"""

import sys
import unicodedata

from fontTools.ttLib import TTCollection

path = sys.argv[1] if len(sys.argv) > 1 else \
    "/usr/share/fonts/opentype/noto/NotoSansCJK-Regular.ttc"
font = next(f for f in TTCollection(path).fonts if "SC" in f["name"].getDebugName(1))
cmap = font.getBestCmap()
ideograph_of = {}
for cp, glyph in sorted(cmap.items()):
    if 0x4E00 <= cp <= 0x9FFF:
        ideograph_of.setdefault(glyph, cp)
pairs = []
for cp in [*range(0x2E80, 0x2F00), *range(0x2F00, 0x2FE0)]:
    target = ideograph_of.get(cmap.get(cp))
    if target is None:
        nfkc = unicodedata.normalize("NFKC", chr(cp))
        target = ord(nfkc) if len(nfkc) == 1 and nfkc != chr(cp) else None
    if target is not None:
        pairs.append(chr(cp) + chr(target))
text = "".join(pairs)
print("RADICALS = (")
for start in range(0, len(text), 60):
    print(f'    "{text[start:start + 60]}"')
print(")")
