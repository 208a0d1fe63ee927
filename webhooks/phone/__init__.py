"""A dial pad in the browser for trying an app's call flows locally, with no phone or network.

``python -m webhooks phone examples.ivr:app`` serves a page on ``http://127.0.0.1:8765/``: dial
the app, press keys, and read the call's transcript beside every request the simulated platform
made and the InboundXML each got back, with validation problems and their codes. The page's
server is :func:`create_phone_app`, a Starlette app around :class:`webhooks.testing.Simulator`.
"""

from ._target import TargetError
from .server import PhoneApp, PhoneError, create_phone_app

__all__ = ["PhoneApp", "PhoneError", "TargetError", "create_phone_app"]
