"""Security headers on every response of the web app.

Set on the way out of every route, so a page or an error added later cannot forget them. A
route that sends its own Content-Security-Policy (the API docs page) keeps it.
"""
from __future__ import annotations

from starlette.datastructures import MutableHeaders
from starlette.types import ASGIApp, Message, Receive, Scope, Send

# nosniff: a JSON answer holding an article's "<script>" is never read as HTML.
# no-referrer: following a link to an original does not tell its site what was being read.
# DENY: the pages cannot be framed by another site (clickjacking).
FIXED = {
    "X-Content-Type-Options": "nosniff",
    "Referrer-Policy": "no-referrer",
    "X-Frame-Options": "DENY",
}


class SecurityHeaders:
    """ASGI middleware: ``FIXED`` and ``csp`` on every HTTP response that does not set them."""

    def __init__(self, app: ASGIApp, csp: str):
        self.app = app
        self.csp = csp

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http":
            await self.app(scope, receive, send)
            return

        async def send_with_headers(message: Message) -> None:
            if message["type"] == "http.response.start":
                headers = MutableHeaders(scope=message)
                for name, value in {**FIXED, "Content-Security-Policy": self.csp}.items():
                    if name not in headers:
                        headers[name] = value
            await send(message)

        await self.app(scope, receive, send_with_headers)
