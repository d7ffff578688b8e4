"""Use cases: plain Python over the domain and the store, with no Telegram imports."""
