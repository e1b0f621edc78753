"""The site's Content-Security-Policy, written as a <meta> tag at the top of every page.

Static hosts such as GitHub Pages send no security headers, so the policy travels in the page.
Scripts, styles, images, fetches and forms stay on the site's own origin; nothing is framed or
embedded, no <base> may change where relative links go. Styles come from stylesheets only (no
style attributes), so a stray attribute cannot restyle a page either.
"""

from __future__ import annotations

DIRECTIVES = (
    ("default-src", "'self'"),
    ("script-src", "'self'"),
    ("style-src", "'self'"),
    ("img-src", "'self'"),
    ("object-src", "'none'"),
    ("frame-src", "'none'"),
    ("base-uri", "'none'"),
    ("form-action", "'self'"),
)
DEFAULT_POLICY = "; ".join(f"{name} {value}" for name, value in DIRECTIVES)


def site_policy(settings: dict) -> str:
    """ARCHIVE_CSP when a settings file gives one, else the default policy: never none."""
    return str(settings.get("ARCHIVE_CSP") or "").strip() or DEFAULT_POLICY
