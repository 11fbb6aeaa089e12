"""The interactive API page (Swagger UI), under a policy of its own.

Swagger UI is a script from a CDN plus an inline script that starts it, so the site's policy
(no script at all) would leave it blank. Here exactly those two scripts are allowed: the CDN
file by its full address, the inline one by its hash — no other script. The JSON API itself
needs none of this; ``/openapi.json`` describes it for any tool.
"""
from __future__ import annotations

import re

from fastapi.openapi.docs import get_swagger_ui_html
from fastapi.responses import HTMLResponse

from ..csp import source_hash

JS = "https://cdn.jsdelivr.net/npm/swagger-ui-dist@5/swagger-ui-bundle.js"
CSS = "https://cdn.jsdelivr.net/npm/swagger-ui-dist@5/swagger-ui.css"
ICON = "https://fastapi.tiangolo.com/img/favicon.png"
_INLINE_SCRIPT = re.compile(r"<script>(.*?)</script>", re.S)


def docs_page(openapi_url: str, title: str) -> HTMLResponse:
    page = get_swagger_ui_html(openapi_url=openapi_url, title=title, swagger_js_url=JS,
                               swagger_css_url=CSS, swagger_favicon_url=ICON)
    inline = _INLINE_SCRIPT.findall(page.body.decode("utf-8"))
    policy = "; ".join([
        "default-src 'none'",
        "script-src " + " ".join([JS, *(source_hash(s) for s in inline)]),
        # Swagger UI writes <style> elements of its own (swagger-api/swagger-ui#10655); styles
        # run nothing, and this page shows only the API's own description, no article text
        f"style-src {CSS} 'unsafe-inline'",
        f"img-src {ICON} data:",
        "connect-src 'self'",
        "base-uri 'none'",
        "form-action 'none'",
        "frame-ancestors 'none'",
    ])
    page.headers["Content-Security-Policy"] = policy
    return page
