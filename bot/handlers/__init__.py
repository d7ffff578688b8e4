"""Telegram glue: parse an update, call a service, render a prompt. Nothing else.

One module per audience, each adding its own handlers in `register(app)`; they share
`bot/chat`, never one another, and never touch the store.
"""
