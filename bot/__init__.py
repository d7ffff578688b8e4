"""Puente: a Telegram assistant that scaffolds academic English for English language learners."""

__version__ = "0.1.0"
