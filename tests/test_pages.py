"""The plumbing the plugins' generators share (newsarchive.pages), as plain functions."""

from __future__ import annotations

from newsarchive.pages import RenderedMacros, absolute_url


class _Macro:
    """A stand-in for a Jinja macro: a name, and a call that counts."""

    name = "release_item"

    def __init__(self) -> None:
        self.calls = 0

    def __call__(self, *args) -> str:
        self.calls += 1
        return f"<li>{self.calls}</li>"


def test_a_list_item_is_rendered_once_per_page_depth():
    macro, release = _Macro(), object()
    rendered = RenderedMacros()
    assert rendered(macro, "..", release, "partner", 3) == "<li>1</li>"
    assert rendered(macro, "..", release, "partner", 3) == "<li>1</li>"  # another page, same depth
    assert rendered(macro, "../..", release, "partner", 3) == "<li>2</li>"
    assert rendered(macro, "..", release, "funder", 3) == "<li>3</li>"


def test_each_build_renders_its_list_items_anew():
    macro, release = _Macro(), object()
    assert RenderedMacros()(macro, "..", release, "", 3) == "<li>1</li>"
    assert RenderedMacros()(macro, "..", release, "", 3) == "<li>2</li>"


def test_absolute_urls_join_the_site_address_and_a_path_with_one_slash():
    settings = {"SITE_ABSOLUTE_URL": "https://example.org/archive/"}
    assert absolute_url(settings, "/partners/iom/") == "https://example.org/archive/partners/iom/"
    assert absolute_url(settings, "") == "https://example.org/archive/"
