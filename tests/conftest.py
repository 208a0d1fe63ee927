"""Shared by every test folder: this folder is on ``sys.path``, so the helper modules beside
this file (``strategies``, ``webhook_support``) import by name."""
