"""Templates escape by default: front-matter text is shown as text, never run as markup."""

from __future__ import annotations

import json

from tests.conftest import release

HOSTILE = '"><img src=x onerror=alert(1)><!--</script>'


def test_front_matter_text_is_escaped_in_html_and_attributes(make_site):
    site = make_site(
        {
            "2024/hostile.md": release(
                f"Title {HOSTILE}",
                date="2024-07-02",
                summary=f"Summary {HOSTILE}",
                dateline=f"Cairo {HOSTILE}",
                partners=["UNODC"],
                contacts=[{"name": f"Press {HOSTILE}", "email": "press@example.org"}],
                source=f"raw {HOSTILE}.txt",
            )
        }
    )
    for url in ("releases/2024/hostile/", "", "partners/unodc/", "years/2024/"):
        soup = site.page(url)
        assert soup.find("img") is None, url
        assert not [t for t in soup.find_all(True) if any(a.startswith("on") for a in t.attrs)]
        # the hostile text is there, as text
        assert HOSTILE in soup.get_text(), url
    page = site.page("releases/2024/hostile/")
    assert page.find("meta", attrs={"name": "description"})["content"] == f"Summary {HOSTILE}"
    assert page.select_one("[data-field=source]") is None  # a file name is never shown


def test_json_ld_cannot_end_its_script_block(make_site):
    site = make_site({"2024/hostile.md": release(f"Title {HOSTILE}", date="2024-07-02")})
    html = (site.output / "releases/2024/hostile/index.html").read_text(encoding="utf-8")
    block = html.split('<script type="application/ld+json">', 1)[1].split("</script>", 1)[0]
    assert "<" not in block and ">" not in block and "&" not in block
    assert json.loads(block)["headline"].startswith(f"Title {HOSTILE}"[:40])
