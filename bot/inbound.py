"""Reading an inbound request safely: bounded body, JSON, and a usable activity.

botbuilder 4.17.1 trusts its input: it reads any body whole and answers
500 to a body that is not an activity. Forewarn checks first, so a caller
gets a 4xx that says what was wrong and the log is not filled with
tracebacks from junk.
"""

from __future__ import annotations

import json
from typing import Any
from urllib.parse import urlsplit

from aiohttp import web
from botbuilder.schema import Activity, DeliveryModes

CHUNK_BYTES = 64 * 1024


class Refused(Exception):
    """A request Forewarn will not process; `status` and `message` go back to the caller."""

    def __init__(self, status: int, message: str) -> None:
        super().__init__(message)
        self.status = status
        self.message = message


async def read_body(request: web.Request, limit: int) -> bytes:
    """The body, or 413 as soon as it passes `limit` bytes.

    Content-Length is checked up front; a chunked body has none, so the
    stream is counted as it arrives and never held beyond the limit.
    """
    too_large = Refused(413, f"The request body is larger than {limit} bytes.")
    if request.content_length is not None and request.content_length > limit:
        raise too_large
    body = bytearray()
    async for chunk in request.content.iter_chunked(CHUNK_BYTES):
        body.extend(chunk)
        if len(body) > limit:
            raise too_large
    return bytes(body)


def parse_json(body: bytes) -> dict[str, Any]:
    """The body as a JSON object, or 400."""
    try:
        data = json.loads(body)
    except (UnicodeDecodeError, json.JSONDecodeError):
        raise Refused(400, "The request body is not valid JSON.") from None
    if not isinstance(data, dict):
        raise Refused(400, "The request body must be a JSON object (a Bot Framework activity).")
    return data


def activity_from(data: dict[str, Any]) -> Activity:
    """A Bot Framework activity with what Forewarn needs to answer it, or 400."""
    problems = _problems(data)
    if problems:
        raise Refused(400, f"Not a valid activity: {'; '.join(problems)}.")
    try:
        activity: Activity = Activity.deserialize(data)
    except Exception as error:
        raise Refused(400, f"Not a valid activity: {type(error).__name__}.") from None
    if activity.delivery_mode == DeliveryModes.expect_replies:
        # Buffered replies crash botbuilder 4.17.1's CloudAdapter; Teams never asks for them.
        raise Refused(400, "deliveryMode expectReplies is not supported.")
    return activity


def _problems(data: dict[str, Any]) -> list[str]:
    problems = []
    if not _is_text(data.get("type")):
        problems.append("'type' is missing")
    service_url = data.get("serviceUrl")
    if not isinstance(service_url, str) or urlsplit(service_url).scheme not in ("http", "https"):
        problems.append("'serviceUrl' must be an http(s) URL")
    conversation = data.get("conversation")
    if not isinstance(conversation, dict) or not _is_text(conversation.get("id")):
        problems.append("'conversation.id' is missing")
    if "text" in data and not isinstance(data["text"], str | None):
        problems.append("'text' must be a string")
    for account in ("from", "recipient"):
        if account in data and not isinstance(data[account], dict):
            problems.append(f"'{account}' must be an object")
    return problems


def _is_text(value: object) -> bool:
    return isinstance(value, str) and bool(value.strip())
