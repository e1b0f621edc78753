"""The index's stemmer against lunr.js's, on every word the benchmark archive can hold.

The index is built in Python and queried by lunr.js in the browser: a word stemmed differently on
the two sides can never be found (lunr.py's own stemmer gives "survei" for "survey", lunr.js
"survey"). `newsarchive.search.text.stem` must give lunr.js's stem for every word.
"""

from __future__ import annotations

import json
import random
import subprocess
from pathlib import Path

from newsarchive.countries import all_countries
from newsarchive.search.documents import country_names
from newsarchive.search.text import fold, stem, words
from tests.search.conftest import LUNR_JS
from tests.synthetic import (
    CITIES,
    FIRST_NAMES,
    NON_LATIN_NAMES,
    SURNAMES,
    WORDS,
    english,
    registry_entries,
)

STEM_CHECK = Path(__file__).with_name("stem_check.js")
# Words where Porter stemmers differ: y after a vowel, initial y, doubled letters, short words,
# and characters outside the Basic Multilingual Plane (JavaScript counts UTF-16 code units).
EDGE_WORDS = [
    "survey",
    "surveys",
    "attorneys",
    "always",
    "journeyed",
    "yelled",
    "yy",
    "y",
    "by",
    "sky",
    "hopping",
    "falling",
    "agreed",
    "feed",
    "generalization",
    "oscillators",
    "𝐀𝐀ing",
    "𝒜ies",
    "x𝐀y",
    "日本語",
    "ﬁnancing",
    "straße",
]


def benchmark_vocabulary() -> list[str]:
    """Every word tests/synthetic.py can write, folded and split as the index splits text."""
    texts = [*english()[0], *WORDS, *FIRST_NAMES, *SURNAMES, *NON_LATIN_NAMES, *CITIES]
    texts += [name for c in all_countries() for name in country_names(c)]
    for org in registry_entries(300, random.Random(7)):
        texts += [org["name"], org.get("acronym", "")]
    found: set[str] = set()
    for text in texts:
        found.update(words(fold(text)))
    found.update(words(fold(" ".join(EDGE_WORDS))))
    return sorted(found)


def test_stems_are_lunr_js_stems_on_the_whole_benchmark_vocabulary(tmp_path):
    vocabulary = benchmark_vocabulary()
    assert len(vocabulary) > 150_000
    listed = tmp_path / "words.json"
    listed.write_text(json.dumps(vocabulary), encoding="utf-8")
    out = subprocess.run(
        ["node", str(STEM_CHECK), str(LUNR_JS), str(listed)],
        capture_output=True,
        text=True,
        timeout=120,
    )
    assert out.returncode == 0, out.stderr
    expected = json.loads(out.stdout)
    wrong = [(w, stem(w), e) for w, e in zip(vocabulary, expected, strict=True) if stem(w) != e]
    assert wrong == []
    assert stem("survey") == "survey" and stem("trafficking") == "traffick"
