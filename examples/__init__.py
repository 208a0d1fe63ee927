"""Runnable example applications; serve one with ``python -m webhooks serve examples.ivr:app``."""
