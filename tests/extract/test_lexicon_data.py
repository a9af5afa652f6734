"""Cue words are data: `data/cues.toml` parses, every pattern built from it compiles, and a cue
word added to the file alone (no code) changes what the extractor reads."""

from __future__ import annotations

import json
import os
import re
import shutil
import subprocess
import sys
import tomllib
from pathlib import Path

from ingestion.extract import lexicons

DATA = Path(lexicons.__file__).with_name("data")
REPO = Path(lexicons.__file__).parents[2]

# An upward verb the lexicon does not know yet, in a sentence of our own.
NEW_VERB = ["ratchet", "ratchets", "ratcheted", "ratcheting"]
SENTENCE = "Canada ratcheted its duties on Chinese electric vehicles last week."

# Runs in a fresh interpreter: classify the sentence, rebuild the lexicon from the data folder given
# on the command line, recompile the rules and the stages that import them, classify again.
_PROBE = """
import importlib, json, sys
from pathlib import Path

import ingestion.extract as extract
from ingestion.extract import corpus, lexicons, rules, stages
from tests.extract.conftest import statements

sentence = sys.argv[2]
before = rules.classify(sentence)
before_kinds = [s["kind"] for s in statements(sentence)]
vars(lexicons).update(lexicons.load_cues(Path(sys.argv[1])))
for module in (rules, stages, corpus, extract):
    importlib.reload(module)
after = rules.classify(sentence)
after_kinds = [s["kind"] for s in statements(sentence)]
print(json.dumps({
    "before": before and before.kind,
    "after": after and after.kind,
    "before_kinds": before_kinds,
    "after_kinds": after_kinds,
}))
"""


def _probe(data: Path) -> dict:
    env = {**os.environ, "PYTHONPATH": str(REPO)}
    out = subprocess.run(
        [sys.executable, "-c", _PROBE, str(data), SENTENCE],
        capture_output=True,
        text=True,
        check=True,
        cwd=REPO,
        env=env,
        timeout=300,
    )
    return json.loads(out.stdout.strip().splitlines()[-1])


def test_a_cue_word_added_to_the_data_file_is_read(tmp_path: Path) -> None:
    data = tmp_path / "data"
    shutil.copytree(DATA, data)
    toml = data / "cues.toml"
    text = toml.read_text(encoding="utf-8")
    head = "[up_verbs]\n"
    at = text.index("words = [\n", text.index(head)) + len("words = [\n")
    line = "    " + ", ".join(f'"{w}"' for w in NEW_VERB) + ",\n"
    toml.write_text(text[:at] + line + text[at:], encoding="utf-8")

    # The copy differs from the shipped lexicon by the new verb only.
    cues = lexicons.load_cues(data)
    assert re.fullmatch(cues["UP_VERBS"], "ratcheted", re.I)
    assert not re.fullmatch(lexicons.UP_VERBS, "ratcheted", re.I)
    assert {k: v for k, v in cues.items() if k != "UP_VERBS"} == {
        k: v for k, v in lexicons.load_cues().items() if k != "UP_VERBS"
    }

    result = _probe(data)
    assert result["before"] is None and result["before_kinds"] == []
    assert result["after"] == "tariff_increase"
    assert result["after_kinds"] == ["tariff_increase"]


def test_cue_data_parses_and_every_pattern_compiles() -> None:
    with open(DATA / "cues.toml", "rb") as fh:
        cues = tomllib.load(fh)
    for name, group in cues.items():
        for key in ("words", "stems", "kinds", "nouns", "verb_stems", "gov_nouns"):
            entries = group.get(key, [])
            assert all(isinstance(w, str) and w.strip() == w and w for w in entries), (name, key)
            assert len(entries) == len(set(entries)), f"duplicate {key} in [{name}]"
    built = lexicons.load_cues()
    for value in built.values():
        if isinstance(value, str):
            re.compile(value, re.I)
    for pattern, fmt in built["INSTRUMENT_PATTERNS"]:
        assert re.compile(pattern).groups >= fmt.count("{"), pattern
    for pattern, product, _hs, family in built["PRODUCTS"]:
        re.compile(pattern)
        assert product and family, pattern
    # The module's names are the loader's tables at the default path.
    for name, value in built.items():
        assert getattr(lexicons, name) == value, name
