"""Pelican settings for publishing: absolute URLs from ARCHIVE_SITEURL, feeds on, output rebuilt."""

import os
import sys

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))

from pelicanconf import *  # noqa: E402,F403

SITEURL = os.environ.get("ARCHIVE_SITEURL", "https://example.org/archive").rstrip("/")
RELATIVE_URLS = False
SITE_ABSOLUTE_URL = SITEURL
ARCHIVE_FEED_ATOM = "feeds/all.atom"
DELETE_OUTPUT_DIRECTORY = True
CACHE_CONTENT = False
LOAD_CONTENT_CACHE = False
ARCHIVE_INCREMENTAL = False
