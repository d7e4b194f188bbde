#!/usr/bin/python3
"""Makes public/fonts/versus-preview-{regular,bold}.otf and OFL.txt: the share preview image's fonts.

The image (lib/shares/preview-image.tsx) is drawn by satori, which reads TTF, OTF and WOFF but
not the .ttc collections Debian ships, and it must show Chinese prompts without fetching a font
at run time. So this takes the Simplified Chinese face of Noto Sans CJK (SIL Open Font License
1.1, public/fonts/OFL.txt) and keeps only the characters a preview needs:

- Basic Latin, Latin-1, Latin Extended-A, general punctuation, arrows, geometric shapes;
- CJK symbols and punctuation, kana, full-width and half-width forms;
- every character of GB 2312 (its 6,763 hanzi, and its symbols, Greek, Cyrillic, pinyin);
- the 8,105 hanzi of 通用规范汉字表 (Table of General Standard Chinese Characters, 2013),
  read from the kTGH field of the Unicode Character Database's Unihan files.

Hinting is dropped (the image is rasterised at a large size) and so are the OpenType layout
tables except kerning, which satori applies to Latin text.

Run on Debian with the fonts and data it reads installed:

    apt-get install fonts-noto-cjk unicode-data python3-fonttools
    /usr/bin/python3 scripts/make-preview-font.py

fonts-noto-cjk 1:20220127+repack1-1 (Noto Sans CJK 2.004) and unicode-data 15.0.0-1 made the
committed files; the same versions make the same files.
"""

import bz2
import pathlib

from fontTools import subset
from fontTools.ttLib import TTCollection

SOURCE = '/usr/share/fonts/opentype/noto/NotoSansCJK-{weight}.ttc'
FACE = 'Noto Sans CJK SC'
UNIHAN = '/usr/share/unicode/Unihan_OtherMappings.txt.bz2'
COPYRIGHT = '/usr/share/doc/fonts-noto-cjk/copyright'
OUT = pathlib.Path(__file__).resolve().parent.parent / 'public' / 'fonts'

RANGES = [
    (0x0020, 0x007E),  # Basic Latin
    (0x00A0, 0x017F),  # Latin-1 Supplement, Latin Extended-A
    (0x2010, 0x205E),  # General Punctuation
    (0x2190, 0x2199),  # arrows
    (0x25A0, 0x25FF),  # geometric shapes
    (0x3000, 0x303F),  # CJK Symbols and Punctuation
    (0x3040, 0x30FF),  # Hiragana, Katakana
    (0xFF01, 0xFFEF),  # Halfwidth and Fullwidth Forms
]


def gb2312() -> set[int]:
    """Every character GB 2312 encodes: rows 1-94, cells 1-94, as EUC-CN."""
    chars = set()
    for row in range(0xA1, 0xFF):
        for cell in range(0xA1, 0xFF):
            try:
                chars.add(ord(bytes([row, cell]).decode('gb2312')))
            except UnicodeDecodeError:
                pass
    return chars


def tongyong_guifan() -> set[int]:
    """The 8,105 characters of 通用规范汉字表: Unihan's kTGH field ("2013:<index>")."""
    chars = set()
    with bz2.open(UNIHAN, 'rt', encoding='utf-8') as lines:
        for line in lines:
            fields = line.rstrip('\n').split('\t')
            if len(fields) == 3 and fields[1] == 'kTGH':
                chars.add(int(fields[0][2:], 16))
    if len(chars) != 8105:
        raise SystemExit(f'{UNIHAN}: expected 8,105 kTGH characters, found {len(chars)}')
    return chars


def wanted() -> set[int]:
    chars = gb2312() | tongyong_guifan()
    for first, last in RANGES:
        chars.update(range(first, last + 1))
    return chars


def face(weight: str):
    collection = TTCollection(SOURCE.format(weight=weight))
    for font in collection.fonts:
        if font['name'].getDebugName(1) == FACE:
            return font
    raise SystemExit(f'{FACE} is not in {SOURCE.format(weight=weight)}')


def make(weight: str, chars: set[int]) -> None:
    font = face(weight)
    options = subset.Options()
    options.layout_features = ['kern']
    options.hinting = False
    options.desubroutinize = True
    options.name_languages = ['*']
    options.notdef_outline = True
    subsetter = subset.Subsetter(options)
    subsetter.populate(unicodes=chars)
    subsetter.subset(font)
    covered = set(font.getBestCmap())
    # Keep the source's date, so the same inputs make the same bytes.
    font.recalcTimestamp = False
    path = OUT / f'versus-preview-{weight.lower()}.otf'
    font.save(path)
    print(f'{path.name}: {len(covered)} characters, {path.stat().st_size:,} bytes')
    # The ranges are taken as far as the face has them; every hanzi wanted must be there.
    missing = sorted((gb2312() | tongyong_guifan()) - covered)
    if missing:
        raise SystemExit(f'{len(missing)} characters of GB 2312 or 通用规范汉字表 are not in the face')


def licence() -> None:
    """OFL.txt: the fonts' copyright notice and the licence text, from Debian's copyright file."""
    with open(COPYRIGHT, encoding='utf-8') as file:
        text = file.read()
    stanza = text[text.index('License: SIL-1.1\n -'):].split('\n\n')[0].splitlines()[1:]
    body = '\n'.join('' if line == ' .' else line[1:] for line in stanza)
    notice = face('Regular')['name'].getDebugName(0)
    (OUT / 'OFL.txt').write_text(
        f'{FACE}: {notice}\n'
        'Subset by Versus (scripts/make-preview-font.py) into versus-preview-*.otf.\n\n'
        f'This Font Software is licensed under the SIL Open Font License, Version 1.1.\n\n{body}\n',
        encoding='utf-8',
    )


def main() -> None:
    OUT.mkdir(parents=True, exist_ok=True)
    chars = wanted()
    for weight in ('Regular', 'Bold'):
        make(weight, chars)
    licence()


if __name__ == '__main__':
    main()
