"""Log hygiene: what an operator's log may hold, even at DEBUG.

The logs go to the council's log store, read by more people than own the
secrets, so an operator who runs `app.py -v` to chase a fault must not
spill credentials, tokens or mail into them. What the libraries Forewarn
uses write at DEBUG (read in their sources, and seen in tests/test_log_hygiene.py):

- `requests_oauthlib.oauth2_session` (EWS with `app` or `delegated` auth):
  the token request's form body with `client_secret=...`, the token
  response and "Obtained token {'access_token': 'eyJ...'}", then
  "Supplying headers {'Authorization': 'Bearer eyJ...'} and data b'<SOAP>'"
  before every EWS call: a credential and the request body, mail included.
- `exchangelib.util`: every request's and response's headers (Authorization:
  Bearer, Basic or NTLM); `exchangelib.util.xml`: whole SOAP requests and
  responses, i.e. mail contents, personal data. On any transport error it
  logs headers and the request XML at ERROR, which no level cap stops.
- `msrest.http_logger` (botframework's outgoing calls, when its HTTP logger
  is switched on): every request and response body, i.e. what people typed.
- `urllib3.connectionpool`: each URL with its query string (Graph paging
  links, `$skiptoken`/`$deltatoken`, which are cursors, not credentials;
  a SAS-style `sig=` would be one).
- msal 1.39 masks secrets and tokens in its own DEBUG lines; botbuilder
  and aiohttp log no headers; smtplib and http.client write their debug
  output with print(), not logging, and Forewarn never turns it on.

So two things happen here. A `SecretRedactor` on the root handlers scrubs
every record (message, arguments, traceback) of credentials by their shape
and of the configured secrets by their value; and the loggers that dump
whole bodies (`WIRE_LOGGERS`) stay at INFO unless the operator explicitly
asks for the wire with FOREWARN_LOG_WIRE=1, because no pattern can tell
which parts of an email are personal.
"""

from __future__ import annotations

import base64
import functools
import json
import logging
import re
from collections.abc import Callable, Iterable
from dataclasses import dataclass
from urllib.parse import quote, quote_plus

FORMAT = "%(asctime)s %(levelname)s %(name)s: %(message)s"
REDACTED = "[redacted]"
# Shorter configured values would mangle ordinary words in every line; the
# shape patterns below still catch them where they travel as credentials.
MIN_SECRET_LENGTH = 6
# Loggers that write whole request or response bodies (mail, messages): at
# INFO unless FOREWARN_LOG_WIRE=1, however verbose the rest of the log is.
# (msrest's HTTP logger is off unless switched on in code; capped in case it is.)
WIRE_LOGGERS = ("exchangelib", "requests_oauthlib", "msrest.http_logger")

log = logging.getLogger(__name__)

_SOAP = "Request XML:"  # where exchangelib's request/response bodies start in its messages

# A sensitive key and its separator (form, JSON, Python repr), matched in the
# lower-cased text: case-sensitive alternatives are several times faster.
_KEY = re.compile(
    r"""(?:pass(?:word|wd|phrase)|secret|(?:access|refresh|id)_token|assertion|api_?key"""
    r"""|(?<![a-z0-9-])sig)["']?\s*[:=]\s*"""
)
# The value after it: a quoted string (escapes and all) or a bare run up to a delimiter.
_VALUE = re.compile(r"""("(?:[^"\\]|\\.)*"|'(?:[^'\\]|\\.)*')|[^\s&,;'"}\]<)]+""")


def _redact_values(text: str) -> str:
    """client_secret=..., "password": "...", 'access_token': '...', sig=..., quotes kept."""
    lowered = text.lower()
    if len(lowered) != len(text):  # a few non-ASCII letters change length when lowered
        lowered = "".join(c if len(c.lower()) != 1 else c.lower() for c in text)
    parts: list[str] = []
    done = 0
    for key in _KEY.finditer(lowered):
        value = _VALUE.match(text, key.end())
        if value is None or key.start() < done:
            continue
        quote_mark = value.group(0)[0] if value.group(1) else ""
        parts += [text[done : key.end()], quote_mark, REDACTED, quote_mark]
        done = value.end()
    return "".join([*parts, text[done:]]) if parts else text


def _sub(pattern: str, replacement: str) -> Callable[[str], str]:
    return functools.partial(re.compile(pattern).sub, replacement)


@dataclass(frozen=True, slots=True)
class _Shape:
    """A credential's shape. `redact` only runs on text whose lower-cased form holds
    one of `words`: a substring test is far cheaper than a regular expression,
    and most records hold none of them."""

    words: tuple[str, ...]
    redact: Callable[[str], str]


_SHAPES = (
    # Authorization: Bearer ..., 'Proxy-Authorization': 'Basic ...', up to the quote or line end.
    _Shape(
        ("authorization",),
        _sub(
            r"""(?i)((?<![\w-])(?:proxy-)?authorization["']?\s*[:=]\s*["']?"""
            r"""(?:(?:bearer|basic|ntlm|negotiate|digest)\s+)?)[^"'\r\n]+""",
            rf"\1{REDACTED}",
        ),
    ),
    # A bearer token anywhere else ("Bearer realm=..." in a challenge is too short to match).
    _Shape(("bearer",), _sub(r"(\bBearer\s+)[A-Za-z0-9._~+/-]{16,}=*", rf"\1{REDACTED}")),
    # A JWT: base64url JSON header ("eyJ" is '{"'), payload and signature.
    _Shape(("eyj",), _sub(r"\beyJ[A-Za-z0-9_-]{8,}\.[A-Za-z0-9_-]{4,}\.[A-Za-z0-9_-]*", REDACTED)),
    # client_secret=..., "password": "...", 'access_token': '...', sig=... (form, JSON, repr).
    _Shape(("pass", "secret", "_token", "assertion", "sig", "apikey", "api_key"), _redact_values),
    # SMTP: AUTH PLAIN <base64 of \0user\0password>, AUTH LOGIN <base64 user>, XOAUTH2 <token>.
    _Shape(
        ("auth ",),
        _sub(
            r"(?i)(\bAUTH\s+(?:PLAIN|LOGIN|XOAUTH2|OAUTHBEARER|CRAM-MD5)\s+)[A-Za-z0-9+/=]+",
            rf"\1{REDACTED}",
        ),
    ),
    # scheme://user:password@host (database URLs, proxies).
    _Shape(("://",), _sub(r"""(://[^\s/:@'"]*:)[^\s@/'"]+@""", rf"\1{REDACTED}@")),
)


def _spellings(secret: str) -> set[str]:
    """How a secret may appear in a log: as is, URL- or JSON-escaped, or base64 (AUTH LOGIN)."""
    encoded = base64.b64encode(secret.encode()).decode()
    return {
        secret,
        quote_plus(secret),
        quote(secret, safe=""),
        json.dumps(secret)[1:-1],
        repr(secret)[1:-1],
        encoded,
    }


class SecretRedactor(logging.Filter):
    """Scrubs credentials from every record a handler emits; the record is changed in place.

    On a handler (not a logger) it sees records from every logger that
    propagates to it. A record with nothing to hide is left untouched, so
    its arguments stay as they were; one with something to hide gets its
    redacted text as its message and no arguments.
    """

    def __init__(self) -> None:
        super().__init__()
        self._known: set[str] = set()
        self._secrets: re.Pattern[str] | None = None
        self.wire = False  # FOREWARN_LOG_WIRE: keep the SOAP bodies exchangelib adds to errors

    def add_secrets(self, values: Iterable[str]) -> None:
        """Redact these values (and their usual encodings) wherever they appear."""
        for value in values:
            if len(value) >= MIN_SECRET_LENGTH:
                self._known.update(_spellings(value))
        if self._known:
            ordered = sorted(self._known, key=len, reverse=True)  # the longest spelling wins
            self._secrets = re.compile("|".join(map(re.escape, ordered)))

    def redact(self, text: str) -> str:
        if self._secrets is not None:
            text = self._secrets.sub(REDACTED, text)
        lowered = text.lower()
        for shape in _SHAPES:
            if any(word in lowered for word in shape.words):
                text = shape.redact(text)
        return text

    def _without_bodies(self, logger: str, message: str) -> str:
        """exchangelib logs a failed request's SOAP (mail included) at ERROR, past any level cap."""
        if self.wire or not logger.startswith("exchangelib") or _SOAP not in message:
            return message
        return (
            message.partition(_SOAP)[0] + "(SOAP bodies not logged; FOREWARN_LOG_WIRE=1 shows them)"
        )

    def filter(self, record: logging.LogRecord) -> bool:
        try:
            message = record.getMessage()
        except Exception:  # a bad format string: logging would print the raw arguments
            message = f"{record.msg} (arguments not shown: they did not fit the message)"
            record.args = None
        clean = self.redact(self._without_bodies(record.name, message))
        if clean != message or record.args is None:
            record.msg, record.args = clean, None
        if record.exc_info and not record.exc_text:
            record.exc_text = logging.Formatter().formatException(record.exc_info)
        if record.exc_text:
            record.exc_text = self.redact(record.exc_text)
        if record.stack_info:
            record.stack_info = self.redact(record.stack_info)
        return True


def configure(*, verbose: bool) -> SecretRedactor:
    """Set up the process's logging: levels, the format, and a redactor on every root handler."""
    logging.basicConfig(level=logging.DEBUG if verbose else logging.INFO, format=FORMAT)
    # Alembic narrates every start-up check at INFO; only its problems matter here.
    logging.getLogger("alembic").setLevel(logging.DEBUG if verbose else logging.WARNING)
    show_wire(False)
    found = installed()
    redactor = found[0] if found else SecretRedactor()
    for handler in logging.getLogger().handlers:
        if redactor not in handler.filters:
            handler.addFilter(redactor)
    return redactor


def installed() -> list[SecretRedactor]:
    """The redactors on the root handlers (none before `configure`, e.g. in most tests)."""
    return [
        f
        for handler in logging.getLogger().handlers
        for f in handler.filters
        if isinstance(f, SecretRedactor)
    ]


def protect(secrets: Iterable[str], *, wire: bool) -> None:
    """Teach the installed redactors the configured secrets; show the wire if asked to."""
    values = list(secrets)
    for redactor in installed():
        redactor.add_secrets(values)
        redactor.wire = wire
    if wire:
        log.warning(
            "FOREWARN_LOG_WIRE is on: with -v the log holds whole EWS requests and "
            "responses, mail contents included (credentials are redacted)"
        )
    show_wire(wire)


def show_wire(wire: bool) -> None:
    """Let the body-dumping loggers follow the root level (wire) or keep them at INFO."""
    for name in WIRE_LOGGERS:
        logging.getLogger(name).setLevel(logging.NOTSET if wire else logging.INFO)
