"""Pelican settings for local builds and preview (relative URLs)."""

import copy
import os
import sys

HERE = os.path.dirname(os.path.abspath(__file__))
if os.path.join(HERE, "plugins") not in sys.path:  # the newsarchive package, without an install
    sys.path.insert(0, os.path.join(HERE, "plugins"))

from newsarchive import markup as _markup  # noqa: E402

SITENAME = "Partnerships against Trafficking and Smuggling: News Archive"
SITE_SHORTNAME = "Partnership News Archive"
SITE_DESCRIPTION = (
    "A searchable archive of press releases about partnerships against human trafficking "
    "and migrant smuggling: MoUs, trainings, campaigns and the organizations behind them."
)
AUTHOR = "International Organization for Migration (IOM)"
PUBLISHER_SLUG = "iom"
PUBLISHER_URL = "https://www.iom.int/"
SITEURL = ""
RELATIVE_URLS = True

PATH = os.path.join(HERE, "content")
OUTPUT_PATH = os.path.join(HERE, "output")
THEME = os.path.join(HERE, "theme")
TIMEZONE = "UTC"
DEFAULT_LANG = "en"
DEFAULT_DATE_FORMAT = "%-d %B %Y"

PLUGIN_PATHS = [os.path.join(HERE, "plugins")]
PLUGINS = [
    "archive_releases",
    "archive_taxonomies",
    "archive_views",
    "archive_search",
    "archive_sitefiles",
]

# Releases are read by our generator, not Pelican's ArticlesGenerator (their date is optional).
ARTICLE_PATHS = []
PAGE_PATHS = ["pages"]
RELEASE_PATHS = ["releases"]
# Folders of content/ copied as they are (the archive_releases plugin keeps those that exist in
# the PATH being built, so that --autoreload has nothing to warn about: it watches each of them).
STATIC_PATHS = ["images", "extra"]
ARCHIVE_REGISTRY = "partners.yaml"
# Hidden files and folders (.env, .git, editor backups) are never read nor published.
IGNORE_FILES = [".*", "*.yaml", "README*"]
FILENAME_METADATA = r"(?P<slug>[^/]+)"
DIRECT_TEMPLATES = []
HOME_LATEST = 10
ARCHIVE_LIST_NAMES = 10  # organizations (and countries) named per release in lists and feeds
# Partner, country and goal pages written by a second process from this many releases on
# (False: one process writes every page). Same files either way.
ARCHIVE_FORK_WRITERS = 400

RELEASE_URL = "releases/{folder}/{slug}/"
RELEASE_SAVE_AS = "releases/{folder}/{slug}/index.html"
PAGE_URL = "{slug}/"
PAGE_SAVE_AS = "{slug}/index.html"
YEARS_URL = "years/"
YEARS_SAVE_AS = "years/index.html"
YEAR_URL = "years/{year}/"
YEAR_SAVE_AS = "years/{year}/index.html"
for _kind, _plural in (("PARTNER", "partners"), ("COUNTRY", "countries"), ("SDG", "sdgs")):
    globals()[f"{_kind}_INDEX_URL"] = f"{_plural}/"
    globals()[f"{_kind}_INDEX_SAVE_AS"] = f"{_plural}/index.html"
    globals()[f"{_kind}_URL"] = f"{_plural}/{{slug}}/"
    globals()[f"{_kind}_SAVE_AS"] = f"{_plural}/{{slug}}/index.html"
    globals()[f"{_kind}_FEED_ATOM"] = f"{_plural}/{{slug}}/feed.atom"
    globals()[f"{_kind}_FEED_ATOM_SAVE_AS"] = f"{_plural}/{{slug}}/feed.atom"
# Pelican's own article, tag, category and author pages are not used.
for _kind in (
    "ARTICLE",
    "DRAFT",
    "TAG",
    "CATEGORY",
    "AUTHOR",
    "ARTICLE_LANG",
    "DRAFT_LANG",
    "PAGE_LANG",
):
    globals()[f"{_kind}_SAVE_AS"] = ""
DRAFT_PAGE_SAVE_AS = ""

DEFAULT_PAGINATION = 20
PAGINATED_TEMPLATES = {"term": 20, "year": 20, "titles": 100}  # titles: lists in title order
PAGINATION_PATTERNS = (
    (1, "{url}", "{save_as}"),
    (2, "{base_name}/page/{number}/", "{base_name}/page/{number}/index.html"),
)

# Feeds: Pelican's built-in ones are off; the plugins write the site feed and one per term.
FEED_ALL_ATOM = None
CATEGORY_FEED_ATOM = None
TRANSLATION_FEED_ATOM = None
AUTHOR_FEED_ATOM = None
AUTHOR_FEED_RSS = None
ARCHIVE_FEED_ATOM = "feeds/all.atom"
# Absolute site address for feeds, canonical links and the sitemap (publishconf sets the real one).
SITE_ABSOLUTE_URL = os.environ.get("ARCHIVE_PREVIEW_URL", "http://127.0.0.1:8000")
FEED_MAX_ITEMS = 50

# The project's Markdown, as newsarchive/markup.py defines it for the build and `archive check`
# (a copy: Pelican's Markdown reader adds its own extensions to this setting).
MARKDOWN = copy.deepcopy(_markup.MARKDOWN)

# Fast previews: unchanged releases come from the content cache and unchanged pages are not
# rendered again (publishconf.py turns both off and starts from an empty output folder).
CACHE_PATH = os.path.join(HERE, "cache")
CACHE_CONTENT = True
GZIP_CACHE = False  # the cache is local and rebuilt often: faster unzipped
LOAD_CONTENT_CACHE = True
CONTENT_CACHING_LAYER = "generator"
ARCHIVE_INCREMENTAL = True
DELETE_OUTPUT_DIRECTORY = False
SUMMARY_MAX_LENGTH = 50

# Client-side search (archive_search): the page, the folder of its files, shard sizes.
SEARCH_URL = "search/"
SEARCH_SAVE_AS = "search/index.html"
SEARCH_DIR = "search"
SEARCH_TERM_SHARD_BYTES = 12288
SEARCH_DOCS_PER_SHARD = 4
SEARCH_FACET_DOCS_PER_SHARD = 500
