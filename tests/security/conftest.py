"""The hostile site: a copy of the seed content/ with every attack of attacks.py planted, built
once per session, served on 127.0.0.1 and crawled once in Chromium (under the pages' own CSP)."""

from __future__ import annotations

import shutil
import textwrap
from dataclasses import dataclass, field
from pathlib import Path

import pytest
import yaml

from newsarchive.release import dump_release
from tests.conftest import ROOT, BuiltSite, build, server_url, stop_server
from tests.security.attacks import (
    ACTIVE_FILES,
    BODY_ATTACKS,
    CSV_PAYLOADS,
    FIELD_PAYLOADS,
    REGISTRY_URLS,
)

SECRET = "SECRET-7f3a-not-for-publication"  # in a file beside content/, never to be published
HOSTILE_FILENAME = '"><img src=x onerror=alert(1)>'
PNG = bytes.fromhex(  # a 1x1 transparent PNG
    "89504e470d0a1a0a0000000d4948445200000001000000010806000000"
    "1f15c4890000000d49444154789c6360000002000100ffff03000006000557bfab"
    "d40000000049454e44ae426082"
)


@dataclass
class HostileSite:
    """The built hostile site and where each attack was planted."""

    built: BuiltSite
    body_files: dict[str, str] = field(default_factory=dict)  # attack name -> content path
    field_files: dict[int, str] = field(default_factory=dict)  # payload index -> content path

    @property
    def output(self) -> Path:
        return self.built.output

    @property
    def content(self) -> Path:
        return self.built.content

    def messages(self) -> list[str]:
        """Every message the build logged at warning level or above."""
        return self.built.errors


def hostile_registry() -> list[dict]:
    """Organizations whose every field carries a payload, and ones with refused URLs."""
    orgs = [
        {
            "slug": f"hostile-{i}",
            "name": f"Hostile {i} {payload}",
            "acronym": f"H{i} {payload}",
            "aliases": [f"Alias {i} {payload}"],
            "type": "ngo",
            "url": f"https://example.org/{i}?q=%22%3E",
            "description": f"Description {payload}",
        }
        for i, payload in enumerate(FIELD_PAYLOADS)
    ]
    orgs += [
        {"slug": f"badurl-{j}", "name": f"Bad URL {j}", "type": "ngo", "url": url}
        for j, url in enumerate(REGISTRY_URLS)
    ]
    orgs.append({"slug": 'evil"><svg onload=alert(1)>', "name": "Evil slug", "type": "ngo"})
    return orgs


def write_release(content: Path, name: str, meta: dict, body: str) -> str:
    path = content / "releases" / "2024" / f"{name}.md"
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(dump_release({"date": "2024-03-01", **meta}, body), encoding="utf-8")
    return path.relative_to(content.parent).as_posix()


def plant(content: Path, site: HostileSite) -> None:
    """Every attack of attacks.py, into the copy of the seed at `content`."""
    registry = content / "partners.yaml"
    extra = yaml.safe_dump(hostile_registry(), allow_unicode=True, sort_keys=False)
    registry.write_text(registry.read_text(encoding="utf-8") + extra, encoding="utf-8")
    for attack in BODY_ATTACKS:
        meta = {"title": f"Body attack {attack.name}", "partners": ["unodc"]}
        body = f"Before the attack.\n\n{attack.text}\n\nAfter the attack."
        site.body_files[attack.name] = write_release(content, f"body-{attack.name}", meta, body)
    for i, payload in enumerate(FIELD_PAYLOADS):
        meta = {
            "title": f"Field attack {i} {payload}",
            "dateline": f"Cairo {payload}",
            "summary": f"Summary {payload}",
            "partners": [f"hostile-{i}", "iom"],
            "countries": ["EG"],
            "sdgs": [16],
            "contacts": [{"name": f"Press {payload}", "email": f"a{i}@example.org{payload}"}],
            "source": f"raw {payload}.txt",
            "review": [f"Check {payload}"],
        }
        site.field_files[i] = write_release(content, f"field-{i}", meta, f"Body {i}.")
    for k, payload in enumerate(CSV_PAYLOADS):
        meta = {"title": payload, "dateline": payload, "source": payload, "partners": ["iom"]}
        write_release(content, f"csv-{k}", meta, "Spreadsheet attack.")
    registry_urls = {"title": "Registry URLs", "partners": [f"badurl-{j}" for j in range(9)]}
    write_release(content, "registry-urls", {**registry_urls, "funders": ["hostile-0"]}, "x")
    write_release(content, "evil-slug", {"title": "Evil slug", "partners": ["Evil slug"]}, "x")
    write_release(content, HOSTILE_FILENAME, {"title": "Hostile file name"}, "x")
    quoted = "%22%3E%3Cimg%20src=x%20onerror=alert(1)%3E"  # Pelican unquotes link paths
    (content / "images" / f"{HOSTILE_FILENAME}.png").parent.mkdir(parents=True, exist_ok=True)
    (content / "images" / f"{HOSTILE_FILENAME}.png").write_bytes(PNG)
    (content / "pages" / "slugged.md").write_text(
        "---\ntitle: Slugged\nslug: 'p\"><img src=x onerror=alert(1)>'\n"
        "url: '\"><svg onload=alert(1)>'\nsave_as: ../../outside.html\ntemplate: search\n---\n"
        "A page with hostile addresses.\n",
        encoding="utf-8",
    )
    names = (
        f"[release]({{filename}}{quoted}.md) [image]({{static}}/images/{quoted}.png) "
        "[page]({filename}../../pages/slugged.md)"
    )
    write_release(content, "hostile-names", {"title": "Links to hostile names"}, names)
    links = (
        "![pixel]({static}/images/ok.png) [the pixel]({static}/images/ok.png)\n\n"
        "[evil svg]({static}/images/evil.svg) [evil page]({static}/pages/evil.html)\n\n"
        "[secret]({static}/../secret.txt) ![secret]({attach}../../secret.txt)"
    )
    write_release(content, "static-links", {"title": "Static links"}, links)
    (content / "images").mkdir(exist_ok=True)
    (content / "images" / "ok.png").write_bytes(PNG)
    for rel, text in ACTIVE_FILES.items():
        (content / rel).parent.mkdir(parents=True, exist_ok=True)
        (content / rel).write_text(text, encoding="utf-8")
    (content.parent / "secret.txt").write_text(SECRET, encoding="utf-8")
    bodies = "\n\n".join(a.text for a in BODY_ATTACKS)
    page = textwrap.dedent(f"""\
        ---
        title: {yaml.safe_dump(FIELD_PAYLOADS[1]).strip().removesuffix("...").strip()}
        ---

        Hostile page.

        """)
    (content / "pages" / "hostile.md").write_text(page + bodies + "\n", encoding="utf-8")


@pytest.fixture(scope="session")
def hostile_site(tmp_path_factory) -> HostileSite:
    """The seed with every attack planted, built once (as a library: errors are logged)."""
    base = tmp_path_factory.mktemp("hostile")
    content = base / "content"
    shutil.copytree(ROOT / "content", content)
    site = HostileSite(built=None)  # type: ignore[arg-type]
    plant(content, site)
    site.built = build(
        content, base / "output", ARCHIVE_KEEP_GOING=True
    )  # errors logged, not raised
    return site


# In the page before any of its scripts: every CSP violation (any directive) is recorded.
WATCH = """
window.__csp = [];
document.addEventListener("securitypolicyviolation", (e) => {
  window.__csp.push(e.effectiveDirective + " " + (e.blockedURI || "inline"));
});
"""
# What must never be in a page's DOM once it has loaded (and scripts have run).
DOM_FINDINGS = """() => {
  const found = [];
  const urlAttributes = ["href", "src", "action", "formaction", "xlink:href", "data", "poster",
                         "background", "ping", "cite", "srcset", "srcdoc"];
  for (const el of document.querySelectorAll("*")) {
    for (const attr of el.attributes) {
      const name = attr.name.toLowerCase();
      if (name.startsWith("on")) found.push(`${el.localName} ${name}`);
      if (name === "srcdoc") found.push(`${el.localName} srcdoc`);
      const value = attr.value.replace(/[\\u0000-\\u0020]/g, "").toLowerCase();
      if (urlAttributes.includes(name) && /^(javascript|vbscript|data):/.test(value))
        found.push(`${el.localName} ${name}=${attr.value.slice(0, 40)}`);
    }
  }
  for (const el of document.querySelectorAll("iframe, frame, object, embed, base, applet"))
    found.push(`<${el.localName}>`);
  for (const el of document.querySelectorAll("script:not([src])"))
    if (el.type !== "application/ld+json") found.push("inline <script>");
  for (const el of document.querySelectorAll("meta[http-equiv]"))
    if (el.httpEquiv.toLowerCase() !== "content-security-policy")
      found.push(`meta ${el.httpEquiv}`);
  for (const el of document.querySelectorAll("script[type='application/ld+json']")) {
    try { JSON.parse(el.textContent); } catch (e) { found.push("JSON-LD does not parse"); }
  }
  if (!document.querySelector("body > footer.site-footer")) found.push("page cut short: no footer");
  if (!document.querySelector("main h1")) found.push("page cut short: no heading");
  return found;
}"""


@dataclass
class PageVisit:
    """What happened when a page was opened: dialogs, CSP violations, bad DOM."""

    url: str
    dialogs: list[str]
    violations: list[str]
    findings: list[str]


@pytest.fixture(scope="session")
def hostile_visits(hostile_site, browser) -> dict[str, PageVisit]:
    """Every HTML page of the hostile site (and two searches) opened in Chromium, as served on
    127.0.0.1, under the pages' own Content-Security-Policy (no bypass)."""
    from tests.quality.conftest import serve_site

    server = serve_site(hostile_site.output)
    base = server_url(server) + "/"
    paths = sorted(
        p.relative_to(hostile_site.output).as_posix() for p in hostile_site.output.rglob("*.html")
    )
    paths += ["search/?q=alert", "search/?q=script+onerror"]
    context = browser.new_context()
    page = context.new_page()
    page.add_init_script(WATCH)
    page.set_default_timeout(10_000)
    dialogs: list[str] = []
    page.on("dialog", lambda d: (dialogs.append(d.message), d.dismiss()))
    visits = {}
    try:
        for path in paths:
            dialogs.clear()
            page.goto(base + path, wait_until="load")
            if path.startswith("search/?"):
                page.locator("[data-result]").first.wait_for()
            findings = page.evaluate(DOM_FINDINGS)
            violations = page.evaluate("window.__csp || []")
            visits[path] = PageVisit(path, list(dialogs), violations, findings)
    finally:
        context.close()
        stop_server(server)
    return visits
