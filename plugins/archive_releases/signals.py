"""Signals the releases generator sends, for other plugins: named blinker signals, as Pelican's own.

    from archive_releases.signals import release_generator_finalized, release_generator_read

    def register():
        release_generator_read.connect(per_release)         # per_release(generator, release)
        release_generator_finalized.connect(all_releases)   # all_releases(generator)

Receivers must be module-level functions (blinker keeps weak references) that are safe to run in
every build of a process: Pelican keeps them connected between builds.
"""

from blinker import signal

# Sent for each release read in this build (from its file or the content cache), drafts too,
# before releases are split into published and drafts and sorted. `release` is a Content with
# `.record` (the validated newsarchive.release.Release: date may be None), `.title`, `.status`,
# `.metadata` and `.content`; a receiver may set attributes or change `.status` to "draft".
release_generator_read = signal("release_generator_read")

# Sent once the releases are in the shared context, before any page is written:
# `generator.releases` (published, newest first, undated last), `generator.drafts`,
# `generator.years`; other generators (taxonomies, views, search) read them after this.
release_generator_finalized = signal("release_generator_finalized")
