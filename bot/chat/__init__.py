"""Talking to one person on Telegram: replies in their language, long messages, pictures, taps,
who is writing, a message held until its sender says whom it is for, and a student's cards and
check questions as messages.

Handlers share this glue instead of importing one another. It calls services, never the store,
and never a handler.
"""
