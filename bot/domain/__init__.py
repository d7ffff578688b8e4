"""Pure domain logic: no Telegram, no I/O, no clock, no randomness (pass them in)."""
