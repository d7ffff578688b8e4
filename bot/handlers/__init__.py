"""Telegram glue: parse an update, call a service, render a prompt. Nothing else."""
