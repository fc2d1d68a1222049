"""A JSON parser with the limits DRF's own leaves out.

DRF reads the body straight from the stream, bypassing Django's
DATA_UPLOAD_MAX_MEMORY_SIZE check, and lets ``RecursionError`` from deeply nested
JSON escape as a 500. This parser bounds both.
"""

from __future__ import annotations

import json
from typing import Any

from django.conf import settings
from django.utils.translation import gettext as _
from rest_framework.exceptions import ParseError
from rest_framework.parsers import JSONParser

from interviewgenius.http.errors import PayloadTooLarge


def _reject_constant(name: str) -> None:
    raise ValueError(f"{name} is not valid JSON")


class BoundedJSONParser(JSONParser):
    def parse(self, stream: Any, media_type: str | None = None, parser_context: Any = None) -> Any:
        limit = int(settings.DATA_UPLOAD_MAX_MEMORY_SIZE)
        request = (parser_context or {}).get("request")
        declared = request.META.get("CONTENT_LENGTH") if request is not None else None
        if declared and str(declared).isdigit() and int(declared) > limit:
            raise PayloadTooLarge(details={"limit_bytes": limit})
        raw = stream.read(limit + 1) if stream is not None else b""
        if len(raw) > limit:
            raise PayloadTooLarge(details={"limit_bytes": limit})
        if not raw:
            raise ParseError(_("The request body is empty; send a JSON object."))
        try:
            return json.loads(raw.decode("utf-8"), parse_constant=_reject_constant)
        except UnicodeDecodeError:
            raise ParseError(_("The request body is not UTF-8.")) from None
        except RecursionError:
            raise ParseError(_("The JSON is nested too deeply.")) from None
        except ValueError as exc:
            raise ParseError(_("Malformed JSON: %(error)s") % {"error": exc}) from None
