"""The Teams app package: manifest.json and two icons in a zip, ready to upload to a tenant.

A council's Teams administrator uploads this zip (Teams admin centre, or
"Upload a custom app"); docs/teams-setup.md walks through it. The manifest
follows schema v1.17, which Teams accepts everywhere today, and describes
a bot only: personal scope (team scope on request), the commands staff
see in the compose box, and no tabs or single sign-on. The package is
built the same way every time (fixed zip timestamps, sorted keys), so two
builds of the same settings are byte-identical and easy to compare.
"""

from __future__ import annotations

import json
import re
import zipfile
from pathlib import Path
from typing import Any
from urllib.parse import urlsplit

from bot.icons import colour_icon, outline_icon
from register.errors import InvalidInput

MANIFEST_VERSION = "1.17"
SCHEMA = "https://developer.microsoft.com/json-schemas/teams/v1.17/MicrosoftTeams.schema.json"
PACKAGE_NAME = "forewarn-teams-app.zip"
COLOUR_ICON, OUTLINE_ICON = "color.png", "outline.png"
GUID = re.compile(r"^[0-9a-fA-F]{8}-([0-9a-fA-F]{4}-){3}[0-9a-fA-F]{12}$")
SEMVER = re.compile(r"^(0|[1-9][0-9]*)\.(0|[1-9][0-9]*)\.(0|[1-9][0-9]*)$")
ZIP_TIME = (2026, 1, 1, 0, 0, 0)

SHORT_DESCRIPTION = "Check an address or person before a visit; log incidents."
FULL_DESCRIPTION = (
    "Forewarn keeps the council's register of customers whose contact with staff is "
    "restricted, and of risks at properties. Before a visit or a call, ask it what to "
    "expect; after an incident or a call you had to end, log it here, and your manager "
    "is told straight away. Only staff on the council's Forewarn staff list get answers."
)
# What staff see when they type "/" or open the bot's command menu. The titles are
# what the bot is sent when one is picked, so they match what the help card says to type.
COMMANDS = (
    ("help", "What Forewarn can do, with a button for each thing"),
    ("check", "Before a visit: check an address, postcode or name"),
    ("contact", "How a person may be contacted, and by whom"),
    ("incident", "Log an incident: abuse, threats or other behaviour you met"),
    ("ended call", "Log a terminated call: a call you ended, and why"),
)


def build_teams_package(
    app_id: str,
    out: Path,
    *,
    name: str,
    developer: str,
    website: str,
    privacy_url: str,
    terms_url: str,
    version: str,
    team_scope: bool = False,
    valid_domains: tuple[str, ...] | None = None,
) -> Path:
    """Write the zip; `out` is a folder (the zip is named forewarn-teams-app.zip) or a .zip path.

    Raises InvalidInput naming every value Teams would refuse.
    """
    manifest = teams_manifest(
        app_id,
        name=name,
        developer=developer,
        website=website,
        privacy_url=privacy_url,
        terms_url=terms_url,
        version=version,
        team_scope=team_scope,
        valid_domains=valid_domains,
    )
    target = out if out.suffix == ".zip" else out / PACKAGE_NAME
    target.parent.mkdir(parents=True, exist_ok=True)
    files = {
        "manifest.json": json.dumps(manifest, indent=2, sort_keys=True).encode() + b"\n",
        COLOUR_ICON: colour_icon(192),
        OUTLINE_ICON: outline_icon(32),
    }
    with zipfile.ZipFile(target, "w", compression=zipfile.ZIP_DEFLATED) as archive:
        for filename, data in files.items():
            archive.writestr(zipfile.ZipInfo(filename, ZIP_TIME), data)
    return target


def teams_manifest(
    app_id: str,
    *,
    name: str,
    developer: str,
    website: str,
    privacy_url: str,
    terms_url: str,
    version: str,
    team_scope: bool = False,
    valid_domains: tuple[str, ...] | None = None,
) -> dict[str, Any]:
    """The manifest as a dict; the Teams app id is the bot's Microsoft App ID."""
    _check(app_id, name, developer, (website, privacy_url, terms_url), version)
    scopes = ["personal", "team"] if team_scope else ["personal"]
    domains = valid_domains if valid_domains is not None else (urlsplit(website).hostname or "",)
    return {
        "$schema": SCHEMA,
        "manifestVersion": MANIFEST_VERSION,
        "version": version,
        "id": app_id,
        "developer": {
            "name": developer,
            "websiteUrl": website,
            "privacyUrl": privacy_url,
            "termsOfUseUrl": terms_url,
        },
        "name": {"short": name, "full": f"{name}: staff safety register"[:100]},
        "description": {"short": SHORT_DESCRIPTION, "full": FULL_DESCRIPTION},
        "icons": {"color": COLOUR_ICON, "outline": OUTLINE_ICON},
        "accentColor": "#005A70",
        "bots": [
            {
                "botId": app_id,
                "scopes": scopes,
                "supportsFiles": False,
                "isNotificationOnly": False,
                "commandLists": [
                    {
                        "scopes": scopes,
                        "commands": [{"title": t, "description": d} for t, d in COMMANDS],
                    }
                ],
            }
        ],
        "validDomains": [domain for domain in domains if domain],
    }


def _check(app_id: str, name: str, developer: str, urls: tuple[str, ...], version: str) -> None:
    """Refuse what the Teams admin centre would refuse, all at once, in plain words."""
    problems = []
    if not GUID.match(app_id):
        problems.append(f"the app id {app_id!r} is not a GUID (copy the Microsoft App ID)")
    if not 0 < len(name) <= 30:
        problems.append("the app name must be 1 to 30 characters")
    if not 0 < len(developer) <= 32:
        problems.append("the developer (council) name must be 1 to 32 characters")
    problems += [f"{url!r} is not an https:// address" for url in urls if not _https(url)]
    if not SEMVER.match(version):
        problems.append(f"the version {version!r} must look like 1.0.0")
    if problems:
        raise InvalidInput("The Teams package was not built: " + "; ".join(problems) + ".")


def _https(url: str) -> bool:
    parts = urlsplit(url)
    return parts.scheme == "https" and bool(parts.hostname)
