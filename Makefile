# The usual Pelican targets (as `pelican-quickstart` writes them), each delegating to the
# project's `archive` command in .venv (set up by `bash .ci/setup` on first use).
#   make devserver            preview on http://127.0.0.1:$(PORT)/, rebuilt on every save
#   make publish              build for publishing (needs ARCHIVE_SITEURL, see README)

ARCHIVE := .venv/bin/archive
PORT ?= 8000

.PHONY: help setup html clean regenerate serve devserver publish check test

help:
	@echo "make html        build content/ into output/"
	@echo "make clean       delete output/ and cache/"
	@echo "make regenerate  build, then rebuild whenever content or theme change"
	@echo "make serve       build, then serve output/ on http://127.0.0.1:$(PORT)/"
	@echo "make devserver   serve and rebuild on every change (live preview)"
	@echo "make publish     build with publishconf.py (ARCHIVE_SITEURL=https://<owner>.github.io/<repo>)"
	@echo "make check       check every release and the registry (archive check --strict)"
	@echo "make test        the whole test suite, as CI runs it (bash .ci/run)"
	@echo "PORT=8001 make serve  another port"

setup:
	@bash .ci/setup

html: setup
	$(ARCHIVE) build

clean:
	rm -rf output cache

regenerate: setup
	$(ARCHIVE) build --autoreload

serve: setup
	$(ARCHIVE) build --serve --port $(PORT)

devserver: setup
	$(ARCHIVE) build --serve --autoreload --port $(PORT)

publish: setup
	$(ARCHIVE) build --strict --settings publishconf.py

check: setup
	$(ARCHIVE) check --strict

test:
	bash .ci/run
