"""Generate the stroke-order data (app/lianxi/data/stroke-order.tsv.gz) for the bundled lessons.

The source is the npm package hanzi-writer-data (derived from Make Me a Hanzi;
ARPHIC Public License, kept beside the data as ARPHICPL.TXT). This script, and
only this script, fetches it with `npm pack` into a cache folder outside the
repository (LIANXI_BUILD_CACHE, else ~/.cache/lianxi-build), checks the
tarball against the integrity pinned below, and writes, for every character
of the bundled lessons (hanzi and traditional forms) that the package has:

    CHAR <TAB> outline|outline|... <TAB> median|median|...

one stroke per outline (an SVG path, spaces dropped around commands:
"M521 714Q533 739 553 759Z") and per median (its centre line, "x y x y ...").
Coordinates are hanzi-writer's: a 1024 box, y upwards, baseline at 900.
Lines are sorted; the file is gzip with no timestamp, so the same inputs give
the same bytes. stroke-order.json beside it records the source (package,
version, integrity), the characters asked for, those the package lacks, and the
sha256 of the uncompressed lines: tests check the committed data against it
without the network.

    python scripts/make_stroke_data.py [--lessons lessons] [--out app/lianxi/data]

Standard library only (plus npm on the PATH). Must never import the app.
Run it again when the bundled lessons change characters.
"""

from __future__ import annotations

import argparse
import base64
import gzip
import hashlib
import json
import os
import re
import subprocess
import sys
import tarfile
import tomllib
from pathlib import Path

PACKAGE = "hanzi-writer-data"
VERSION = "2.0.1"
INTEGRITY = "sha512-nbQwM+MaryGoq7pBMIZLCd3lFq03nXuJuwku1+6UbjL58uU+9OULVcMkoNvNuJSoIV7f1bbPRfD4D/LQa5S7qg=="
LICENCE = "ARPHICPL.TXT"
DATA_NAME = "stroke-order.tsv.gz"
MANIFEST_NAME = "stroke-order.json"

REPO = Path(__file__).resolve().parents[1]


def is_hanzi(ch: str) -> bool:
    code = ord(ch)
    return (0x4E00 <= code <= 0x9FFF or 0x3400 <= code <= 0x4DBF or 0x20000 <= code <= 0x2FA1F
            or 0xF900 <= code <= 0xFAFF or ch == "〇")


def lesson_characters(folder: Path) -> list[str]:
    """Every character written large in a bundled lesson: its words' hanzi and traditional forms."""
    found: set[str] = set()
    for path in sorted(folder.rglob("*.toml")):
        doc = tomllib.loads(path.read_text(encoding="utf-8"))
        for word in doc.get("words", []):
            for field in ("hanzi", "traditional"):
                found.update(ch for ch in str(word.get(field, "")) if is_hanzi(ch))
    return sorted(found)


def cache_folder() -> Path:
    base = os.environ.get("LIANXI_BUILD_CACHE") or os.path.join(
        os.environ.get("XDG_CACHE_HOME") or os.path.expanduser("~/.cache"), "lianxi-build")
    return Path(base)


def integrity_of(data: bytes) -> str:
    return "sha512-" + base64.b64encode(hashlib.sha512(data).digest()).decode("ascii")


def fetch_tarball(cache: Path | None = None) -> Path:
    """The package tarball, fetched once with `npm pack` and checked against INTEGRITY."""
    cache = cache or cache_folder()
    tarball = cache / f"{PACKAGE}-{VERSION}.tgz"
    if not tarball.is_file() or integrity_of(tarball.read_bytes()) != INTEGRITY:
        cache.mkdir(parents=True, exist_ok=True)
        subprocess.run(["npm", "pack", f"{PACKAGE}@{VERSION}", "--pack-destination", str(cache)],
                       check=True, capture_output=True, timeout=300)
    if integrity_of(tarball.read_bytes()) != INTEGRITY:
        raise SystemExit(f"{tarball} does not match the pinned integrity of {PACKAGE}@{VERSION}: delete it and retry")
    return tarball


_SPACES = re.compile(r" ?([A-Za-z]) ?")


def compact_path(path: str) -> str:
    """"M 350 571 Q 380 593 449 614 Z" -> "M350 571Q380 593 449 614Z" (the same path, fewer bytes)."""
    return _SPACES.sub(r"\1", path.strip())


def character_line(char: str, data: dict) -> str:
    outlines = "|".join(compact_path(p) for p in data["strokes"])
    medians = "|".join(" ".join(f"{int(x)} {int(y)}" for x, y in median) for median in data["medians"])
    if len(data["strokes"]) != len(data["medians"]):
        raise SystemExit(f"{char}: {len(data['strokes'])} outlines but {len(data['medians'])} centre lines")
    return f"{char}\t{outlines}\t{medians}"


def generate(tarball: Path, characters: list[str]) -> tuple[bytes, list[str], str]:
    """(the sorted lines as UTF-8, characters the package lacks, its licence text)."""
    wanted = set(characters)
    lines: list[str] = []
    licence = ""
    with tarfile.open(tarball) as archive:
        for member in archive:
            name = member.name.removeprefix("package/")
            if name == LICENCE:
                licence = archive.extractfile(member).read().decode("utf-8")
            elif name.endswith(".json") and name.removesuffix(".json") in wanted:
                char = name.removesuffix(".json")
                lines.append(character_line(char, json.load(archive.extractfile(member))))
    if not licence:
        raise SystemExit(f"{tarball} has no {LICENCE}: the data cannot be shipped without its licence")
    lines.sort()
    have = {line.split("\t", 1)[0] for line in lines}
    missing = sorted(wanted - have)
    return ("\n".join(lines) + "\n").encode("utf-8"), missing, licence


def manifest(characters: list[str], missing: list[str], text: bytes) -> dict:
    return {
        "source": f"{PACKAGE}@{VERSION}",
        "integrity": INTEGRITY,
        "licence": f"ARPHIC Public License ({LICENCE}); data derived from Make Me a Hanzi",
        "characters_sha256": hashlib.sha256("".join(characters).encode("utf-8")).hexdigest(),
        "characters": len(characters),
        "missing": "".join(missing),
        "data_sha256": hashlib.sha256(text).hexdigest(),
    }


README = """\
# Stroke-order data

`stroke-order.tsv.gz` holds the stroke outlines and centre lines of every
character of the bundled lessons, for the classroom's stroke-order animation,
the worksheets' writing practice and the dictionary's entry view. It is
generated by `scripts/make_stroke_data.py` from the npm package
{source}, which is derived from the Make Me a Hanzi project
(https://github.com/skishore/makemeahanzi), whose data was extracted from fonts
by Arphic Technology. It may be redistributed and modified under the
ARPHIC Public License, whose text is in `ARPHICPL.TXT` beside it (keep them
together).

Do not edit the data by hand: run the script again. `stroke-order.json` records
the source and checksums that the tests compare against.
"""


def write(out: Path, text: bytes, missing: list[str], characters: list[str], licence: str) -> None:
    out.mkdir(parents=True, exist_ok=True)
    (out / DATA_NAME).write_bytes(gzip.compress(text, compresslevel=9, mtime=0))
    (out / MANIFEST_NAME).write_text(json.dumps(manifest(characters, missing, text), indent=2,
                                                ensure_ascii=False) + "\n", encoding="utf-8")
    (out / LICENCE).write_text(licence, encoding="utf-8")
    (out / "README.md").write_text(README.format(source=f"`{PACKAGE}@{VERSION}`"), encoding="utf-8")


def main(argv: list[str] | None = None) -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--lessons", type=Path, default=REPO / "lessons")
    parser.add_argument("--out", type=Path, default=REPO / "app" / "lianxi" / "data")
    args = parser.parse_args(argv)
    characters = lesson_characters(args.lessons)
    text, missing, licence = generate(fetch_tarball(), characters)
    write(args.out, text, missing, characters, licence)
    print(f"{len(characters) - len(missing)} characters written to {args.out / DATA_NAME} "
          f"({(args.out / DATA_NAME).stat().st_size / 1e6:.1f} MB); not in {PACKAGE}: {''.join(missing) or 'none'}",
          file=sys.stderr)


if __name__ == "__main__":
    main()
