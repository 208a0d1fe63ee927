"""Drive the REST client against an explicit ``base_url``.

With ``CPAAS_BASE_URL`` (plus ``CPAAS_ACCOUNT_SID`` and ``CPAAS_AUTH_TOKEN``) set, it talks to
that API root; otherwise it serves the in-memory :class:`~webhooks.testing.FakePlatform` on
127.0.0.1 and talks to it, so it runs anywhere without a network::

    python examples/rest_client.py
"""

from __future__ import annotations

import os
from contextlib import ExitStack

from webhooks.rest import Client, NotFoundError
from webhooks.testing import FakePlatform


def tour(client: Client) -> None:
    """Make a call, list calls page by page, send an SMS, and show an error."""
    call = client.calls.create(
        from_="+15550001111", to="+15552223333", url="https://example.com/voice"
    )
    print(f"made call {call.sid} ({call.status})")
    for n in range(4):
        client.sms.send(from_="+15550001111", to="+15552223333", body=f"hello #{n}")
    page = client.sms.list_page(page_size=2)
    print(f"SMS page {page.page} of {page.num_pages}: {[m.body for m in page]}")
    print(f"all SMS, pages fetched lazily: {[m.body for m in client.sms.list(page_size=2)]}")
    client.calls.interrupt(call.sid, status="completed")
    print(f"call is now {client.calls.get(call.sid).status}")
    try:
        client.calls.get("CA" + "0" * 32)
    except NotFoundError as error:
        print(f"missing call: HTTP {error.status}, code {error.code}: {error.message}")


def main() -> None:
    """Use CPAAS_* settings when given, else a local FakePlatform."""
    with ExitStack() as stack:
        if os.environ.get("CPAAS_BASE_URL"):
            client = stack.enter_context(Client())
        else:
            fake = FakePlatform()
            base_url = stack.enter_context(fake.serve())
            client = stack.enter_context(Client(*fake.auth, base_url=base_url))
        print(f"using {client!r}")
        tour(client)


if __name__ == "__main__":
    main()
