"""Pelican settings for publishing: absolute URLs from ARCHIVE_SITEURL, feeds on, output rebuilt."""

import os
import re
import sys

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))

from pelicanconf import *  # noqa: E402,F403

# The public address of the site (GitHub Pages project site: https://<owner>.github.io/<repo>);
# feeds, canonical links, the sitemap and robots.txt are absolute, so a build without it stops.
SITEURL = os.environ.get("ARCHIVE_SITEURL", "").strip().rstrip("/")
if not SITEURL:
    sys.exit(
        "publishconf.py: error: ARCHIVE_SITEURL is not set; set it to the site's public address, "
        "e.g. ARCHIVE_SITEURL=https://<owner>.github.io/<repo> (the publish workflow sets it)"
    )
if not re.fullmatch(r"https?://[^/\s?#]+(/[^\s?#]*)?", SITEURL):
    sys.exit(
        f"publishconf.py: error: ARCHIVE_SITEURL={SITEURL!r} is not an absolute http(s) address "
        "without query or fragment, e.g. https://<owner>.github.io/<repo>"
    )
RELATIVE_URLS = False
SITE_ABSOLUTE_URL = SITEURL
ARCHIVE_FEED_ATOM = "feeds/all.atom"
DELETE_OUTPUT_DIRECTORY = True
CACHE_CONTENT = False
LOAD_CONTENT_CACHE = False
ARCHIVE_INCREMENTAL = False
