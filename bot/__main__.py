"""`python -m bot ...` is the same as `puente ...`."""

from bot.cli import run

run()
