"""Offline translation: the curated glossary, the translation memory, then Argos Translate."""
