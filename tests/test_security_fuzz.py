"""The loader never crashes: hundreds of randomly damaged copies of the fixture files give either a
catalogue or InvalidData whose every problem is one printable line naming its file."""

from __future__ import annotations

import random
import shutil
from pathlib import Path

from adgdm.data.catalogue import load_catalogue
from adgdm.data.problems import InvalidData

from .conftest import CORPUS

# Pieces of YAML syntax and awkward bytes spliced into the files.
SPLINTERS = [
    b"{", b"}", b"[", b"]", b": ", b"- ", b"\n", b"  ", b"&a ", b"*a", b"!!str ", b"!!int ", b"!!python/name:os.system ",
    b"? ", b"|", b">", b"'", b'"', b"#", b"\t", b"\x00", b"\xff", b"\xc3", b"null", b"~", b"1e400", b"-.inf", b".nan",
    b"<<: ", b"---\n", b"...\n", b"%YAML 1.1\n", b"0x1F", b"2024-02-30", b'"\\u202e"', b'"\\e"', b"yes", b"[]", b"{}",
]
ROUNDS = 400


def damage(data: bytes, rng: random.Random) -> bytes:
    damaged = bytearray(data)
    for _ in range(rng.randint(1, 4)):
        at = rng.randrange(len(damaged) + 1)
        if rng.random() < 0.6:
            damaged[at:at] = rng.choice(SPLINTERS)
        else:
            del damaged[at:at + rng.randint(1, 8)]
    return bytes(damaged)


def test_damaged_files_give_clear_problems_never_a_crash(tmp_path: Path) -> None:
    root = tmp_path / "project"
    shutil.copytree(CORPUS, root)
    files = sorted((root / "papers").rglob("*.yaml"))
    originals = {path: path.read_bytes() for path in files}
    rng = random.Random(20250101)
    outcomes = {"valid": 0, "invalid": 0}
    for _ in range(ROUNDS):
        target = rng.choice(files)
        target.write_bytes(damage(originals[target], rng))
        try:
            load_catalogue(root)
            outcomes["valid"] += 1
        except InvalidData as error:
            outcomes["invalid"] += 1
            lines = [str(problem) for problem in error.problems]
            assert lines, "InvalidData without a problem"
            assert all(line.isprintable() and line.startswith("papers/") for line in lines), lines
        target.write_bytes(originals[target])
    assert outcomes["invalid"] > ROUNDS // 2
