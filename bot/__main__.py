"""`python -m bot ...` is the same as `puente ...`."""

from bot.cli import run

if __name__ == "__main__":
    run()
