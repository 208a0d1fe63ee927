"""A tiny ASGI app serving fixed documents, for the simulator tests."""

from __future__ import annotations

from collections.abc import Callable
from urllib.parse import parse_qsl

from starlette.applications import Starlette
from starlette.requests import Request
from starlette.responses import Response as HTTPResponse
from starlette.routing import Route

Doc = str | Callable[[dict[str, str]], str]


def docs_app(routes: dict[str, Doc], content_type: str = "application/xml") -> Starlette:
    """An app answering each path with its document (a string or a function of the params)."""

    def endpoint(doc: Doc) -> Callable[[Request], object]:
        async def handle(request: Request) -> HTTPResponse:
            params = dict(request.query_params)
            if request.method == "POST":
                params.update(parse_qsl((await request.body()).decode(), keep_blank_values=True))
            body = doc(params) if callable(doc) else doc
            if body == "500":
                return HTTPResponse("boom", status_code=500)
            xml = (
                body
                if body.startswith("<") and "Response" in body[:10]
                else f"<Response>{body}</Response>"
            )
            return HTTPResponse(xml, media_type=content_type)

        return handle

    return Starlette(
        routes=[Route(p, endpoint(d), methods=["GET", "POST"]) for p, d in routes.items()]
    )
