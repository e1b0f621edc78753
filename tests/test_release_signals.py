"""Plugins hook releases through the signals the releases generator sends (README: Plugins)."""

from __future__ import annotations

import sys
import textwrap

import pytest

from archive_releases.signals import release_generator_finalized, release_generator_read
from tests.conftest import ROOT, release

# A third-party plugin as an editor would write it: word counts, and embargoed releases held back.
PLUGIN = '''
"""Counts the words of every release; releases titled "[embargoed] ..." are not published."""

from archive_releases.signals import release_generator_finalized, release_generator_read


def count_words(generator, release):
    release.words = len(release.record.body.split())
    if release.title.startswith("[embargoed]"):
        release.status = "draft"


def total_words(generator):
    generator.context["release_words"] = {r.url: r.words for r in generator.releases}


def register():
    release_generator_read.connect(count_words)
    release_generator_finalized.connect(total_words)
'''

RELEASES = {
    "2024/mou.md": release("IOM and UNODC sign", "One two three.", date="2024-07-02"),
    "2024/later.md": release("[embargoed] Not before June", "Four five.", date="2024-05-01"),
    "undated/quake.md": release("Quake survivors", "Six seven eight nine.", partners=["FIA"]),
    "2023/draft.md": release("Not ready", "Ten.", date="2023-01-01", status="draft"),
}


@pytest.fixture
def word_plugin(tmp_path):
    """The plugin above in a folder of its own; its receivers are disconnected afterwards."""
    folder = tmp_path / "plugins"
    folder.mkdir()
    (folder / "release_words.py").write_text(textwrap.dedent(PLUGIN), encoding="utf-8")
    yield str(folder)
    module = sys.modules.pop("release_words", None)
    if module is not None:
        release_generator_read.disconnect(module.count_words)
        release_generator_finalized.disconnect(module.total_words)


def test_plugin_counts_words_and_holds_back_a_release(make_site, word_plugin):
    from pelican.settings import read_settings

    seen = {"read": [], "finalized": []}

    def on_read(generator, release):
        seen["read"].append((release.title, release.status))

    def on_finalized(generator):
        seen["finalized"].append(generator)

    plugins = read_settings(str(ROOT / "pelicanconf.py"))["PLUGINS"]
    release_generator_read.connect(on_read)
    release_generator_finalized.connect(on_finalized)
    try:
        site = make_site(
            RELEASES,
            PLUGINS=[*plugins, "release_words"],
            PLUGIN_PATHS=[str(ROOT / "plugins"), word_plugin],
        )
    finally:
        release_generator_read.disconnect(on_read)
        release_generator_finalized.disconnect(on_finalized)
    # a draft is reported as archive check reports it (a warning), nothing else
    assert [m for m in site.errors if "warning: draft (not published)" not in m] == []
    assert sorted(seen["read"]) == [
        ("IOM and UNODC sign", "published"),
        ("Not ready", "draft"),
        ("Quake survivors", "published"),
        ("[embargoed] Not before June", "published"),  # as read: the plugin runs after this one
    ]
    [generator] = seen["finalized"]
    assert [r.title for r in generator.releases] == ["IOM and UNODC sign", "Quake survivors"]
    assert sorted(r.title for r in generator.drafts) == ["Not ready", "[embargoed] Not before June"]
    assert generator.context["release_words"] == {
        "releases/2024/mou/": 3,
        "releases/undated/quake/": 4,
    }
    assert site.page("releases/2024/mou/").select_one("main h1")
    assert not (site.output / "releases/2024/later").exists()
    year = site.page("years/2024/").select("[data-release] :is(h2, h3) a")
    assert [a.get_text(strip=True) for a in year] == ["IOM and UNODC sign"]


def test_signals_are_pelican_style_named_blinker_signals():
    import blinker

    assert release_generator_read is blinker.signal("release_generator_read")
    assert release_generator_finalized is blinker.signal("release_generator_finalized")
