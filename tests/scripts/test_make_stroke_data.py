"""Stroke-order data: the committed file is what the generator makes from the pinned package.

Decision: freshness is checked without the network. The manifest beside the
data records the package's pinned integrity and the sha256 of the data, and
the generator is tested on a small package built here; so a hand edit, a stale
file after a lesson gains a character, or a generator change that is not
re-run all fail offline. The full regeneration from the real package runs too
when the tarball can be had (cached outside the repository, or fetched by npm);
it skips with the reason when npm cannot fetch, except under CI=true, where it
must run.
"""

from __future__ import annotations

import gzip
import hashlib
import importlib.util
import io
import json
import os
import subprocess
import sys
import tarfile
from pathlib import Path

import pytest

REPO = Path(__file__).resolve().parents[2]
SCRIPT = REPO / "scripts" / "make_stroke_data.py"
DATA = REPO / "app" / "lianxi" / "data"


def _load_script():
    spec = importlib.util.spec_from_file_location("make_stroke_data", SCRIPT)
    module = importlib.util.module_from_spec(spec)
    sys.modules[spec.name] = module
    spec.loader.exec_module(module)
    return module


make = _load_script()


def committed() -> tuple[bytes, dict]:
    return gzip.decompress((DATA / make.DATA_NAME).read_bytes()), json.loads((DATA / make.MANIFEST_NAME).read_text())


def test_committed_data_is_what_its_manifest_says():
    text, manifest = committed()
    assert hashlib.sha256(text).hexdigest() == manifest["data_sha256"], \
        "the stroke data was changed by hand: run python scripts/make_stroke_data.py"
    assert manifest["source"] == f"{make.PACKAGE}@{make.VERSION}" and manifest["integrity"] == make.INTEGRITY
    lines = text.decode("utf-8").splitlines()
    assert lines == sorted(lines) and len(lines) == manifest["characters"] - len(manifest["missing"])
    for line in lines:
        char, outlines, medians = line.split("\t")
        assert len(char) == 1 and outlines.count("|") == medians.count("|")
    # the licence and the attribution travel with the data
    assert (DATA / "ARPHICPL.TXT").read_text().startswith("ARPHIC PUBLIC LICENSE")
    readme = (DATA / "README.md").read_text()
    assert "Make Me a Hanzi" in readme and "ARPHIC Public License" in readme


def test_every_character_of_the_bundled_lessons_is_in_the_data_or_named_as_missing():
    text, manifest = committed()
    have = {line.split("\t", 1)[0] for line in text.decode("utf-8").splitlines()}
    wanted = make.lesson_characters(REPO / "lessons")
    lacking = sorted(set(wanted) - have - set(manifest["missing"]))
    assert not lacking, f"no stroke data for {''.join(lacking[:40])}: run python scripts/make_stroke_data.py"
    fresh = hashlib.sha256("".join(wanted).encode("utf-8")).hexdigest()
    if fresh != manifest["characters_sha256"]:
        # a lesson lost a character: harmless extra data, but the next generation will drop it
        assert set(wanted) <= have | set(manifest["missing"])


def _package(folder: Path, files: dict[str, bytes]) -> Path:
    tarball = folder / "package.tgz"
    with tarfile.open(tarball, "w:gz") as archive:
        for name, data in files.items():
            info = tarfile.TarInfo(f"package/{name}")
            info.size = len(data)
            archive.addfile(info, io.BytesIO(data))
    return tarball


def test_the_generator_on_a_small_package(tmp_path):
    one = {"strokes": ["M 518 382 Q 572 385 623 389 L 678 394 Z"], "medians": [[[27, 390], [500, 383], [960, 404]]]}
    ren = {"strokes": ["M 1 2 L 3 4 Z", "M 5 6 Q 7 8 9 10 Z"], "medians": [[[1, 2], [3, 4]], [[5, 6], [9, 10]]]}
    tarball = _package(tmp_path, {"一.json": json.dumps(one).encode(), "人.json": json.dumps(ren).encode(),
                                  "大.json": b"{}", "ARPHICPL.TXT": b"ARPHIC PUBLIC LICENSE\n"})
    text, missing, licence = make.generate(tarball, ["一", "人", "獃"])
    assert text.decode() == ("一\tM518 382Q572 385 623 389L678 394Z\t27 390 500 383 960 404\n"
                             "人\tM1 2L3 4Z|M5 6Q7 8 9 10Z\t1 2 3 4|5 6 9 10\n")
    assert missing == ["獃"] and licence.startswith("ARPHIC")
    lessons = tmp_path / "lessons"
    lessons.mkdir()
    (lessons / "a.toml").write_text('[[words]]\nhanzi = "一人"\ntraditional = "壹人"\n[[words]]\nhanzi = "x"\n')
    assert make.lesson_characters(lessons) == sorted("一人壹")
    out = tmp_path / "out"
    make.write(out, text, missing, ["一", "人", "獃"], licence)
    assert gzip.decompress((out / make.DATA_NAME).read_bytes()) == text
    again = tmp_path / "again"
    make.write(again, text, missing, ["一", "人", "獃"], licence)
    assert (again / make.DATA_NAME).read_bytes() == (out / make.DATA_NAME).read_bytes()  # no timestamp inside
    with pytest.raises(SystemExit, match="no ARPHICPL.TXT"):
        make.generate(_package(tmp_path, {"一.json": json.dumps(one).encode()}), ["一"])


def test_a_fresh_generation_from_the_real_package_equals_the_committed_file():
    try:
        tarball = make.fetch_tarball()
    except (subprocess.SubprocessError, OSError) as exc:
        reason = f"npm could not fetch {make.PACKAGE}@{make.VERSION} ({type(exc).__name__})"
        if os.environ.get("CI"):
            pytest.fail(reason)
        pytest.skip(reason)
    text, manifest = committed()
    characters = make.lesson_characters(REPO / "lessons")
    fresh, missing, licence = make.generate(tarball, characters)
    assert fresh == text, "the stroke data is stale: run python scripts/make_stroke_data.py"
    assert "".join(missing) == manifest["missing"]
    assert licence == (DATA / "ARPHICPL.TXT").read_text()
