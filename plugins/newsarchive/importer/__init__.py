"""Importer for raw press releases (text or saved web pages) into release files."""
