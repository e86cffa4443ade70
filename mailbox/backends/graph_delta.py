"""What the Graph backend knows is in a folder, kept current by Graph's delta query.

Listing the whole inbox on every poll costs a request per page of messages,
every minute, however few arrive. Graph's delta query for messages in a mail
folder answers only what changed since a state token. What this relies on,
from Microsoft's documentation:

- learn.microsoft.com/graph/api/message-delta: GET
  /users/{id}/mailFolders/{id}/messages/delta; `$select` is supported (the id
  always comes back), `Prefer: odata.maxpagesize={x}` sets the page size, and
  without `$orderby=receivedDateTime desc` the order is not guaranteed;
- learn.microsoft.com/graph/delta-query-messages: the first round, without a
  token, returns every message in the folder; each page carries an
  @odata.nextLink (more to come) or, at the end of a round, an
  @odata.deltaLink to save and call for the next round; query parameters are
  given once and are encoded in those links;
- learn.microsoft.com/graph/delta-query-overview: a removed message comes as
  its id with an "@removed" object; the same change may be replayed in a
  later response; a 410 Gone (or a 40x "syncStateNotFound") means the token is
  no longer known and a full synchronisation must start again; Outlook's
  tokens live as long as Exchange's token cache has room, not a fixed time.

The watcher's port asks what is in the folder now, not what arrived since
(mailbox/steps.py: a message that failed waits in the inbox for the next
pass, and a decided claim whose message is no longer listed is recorded as
moved). So the backend keeps a `FolderView`: the ids in the folder with
their delivery times, built by a first full round, then changed by each
round's additions and removals. The view lives in memory; the link to
continue from lives in the store (table mail_sync_state, as for EWS), saved
after each page has been merged into the view.

A view cannot be rebuilt from a saved link alone: a link says what changed,
not what is still there. So a new process lists the folder once (a plain,
paged listing, as before) and then continues from the saved link, whose
changes since it was saved are applied on top. A crash, even between the
pages of a round, therefore never hides a message: it is listed again, and
the watcher's claims make a message listed twice harmless. A message seen
again after it had gone (a replay) is dropped from the view the first time
Graph says it is not there (the backend's fetch and move report it).
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field
from typing import Any


@dataclass(slots=True)
class FolderView:
    """The messages in one folder (id -> receivedDateTime) and the delta link to call next.

    `link` is None when the next round must be a full one (the first ever, or
    after Graph forgot the token); a full round starts from an empty view,
    since it reports everything that is in the folder.
    """

    present: dict[str, str] = field(default_factory=dict)
    link: str | None = None

    @classmethod
    def listed(cls, items: Iterable[Mapping[str, Any]], link: str) -> FolderView:
        """A view seeded from a plain listing, to be continued from a saved link."""
        view = cls(link=link)
        view.apply(items)
        return view

    def apply(self, items: Iterable[Mapping[str, Any]]) -> None:
        """Merge one page: additions and updates are there, "@removed" ones are not."""
        for item in items:
            message_id = str(item.get("id", ""))
            if not message_id:
                continue
            if "@removed" in item:
                self.present.pop(message_id, None)
            else:
                # An update may leave out receivedDateTime: keep what was known.
                received = item.get("receivedDateTime") or self.present.get(message_id, "")
                self.present[message_id] = str(received)

    def restart(self) -> None:
        """Graph no longer knows our token: the next round is a full one, from nothing."""
        self.present.clear()
        self.link = None

    def forget(self, message_id: str) -> None:
        """Graph said this message is not in the folder (moved, deleted, or a replay)."""
        self.present.pop(message_id, None)

    def ids_oldest_first(self) -> list[str]:
        """Delta gives no order, so sort by delivery (ISO 8601 UTC sorts as text)."""
        return sorted(self.present, key=self.present.__getitem__)


def page_link(page: Mapping[str, Any]) -> tuple[str, bool]:
    """The link a delta page ends with, and whether it ends the round (a deltaLink)."""
    if "@odata.nextLink" in page:
        return str(page["@odata.nextLink"]), False
    if "@odata.deltaLink" in page:
        return str(page["@odata.deltaLink"]), True
    raise ValueError("a delta page with neither @odata.nextLink nor @odata.deltaLink")
