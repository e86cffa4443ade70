"""Forewarn's composition root and command line.

Everything is built here, by constructor injection, from one Settings
object; nothing happens at import time. Run `python app.py --help` (or
`python3 dev.py app --help`, which first prepares the virtual environment).
"""

from __future__ import annotations

import argparse
import asyncio
import logging
import sys
from collections.abc import AsyncIterator, Callable, Iterator, Sequence
from contextlib import asynccontextmanager, contextmanager
from datetime import date
from pathlib import Path
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from bot.notifier import TeamsNotifier
    from mailbox.backends import MailBackend
    from mailbox.backends.ews_settings import EwsSettings
    from mailbox.backends.graph_settings import GraphSettings
    from mailbox.relay import Transport
    from mailbox.smtp_send import RelaySettings
    from register.notices import Notifier
    from register.policy import Preset
    from scheduler.sweeper import Sweeper
    from settings import Settings
    from store.repository import SqlRegisterStore

log = logging.getLogger("forewarn")


def build_settings() -> Settings:
    from logging_setup import protect
    from settings import Settings

    settings = Settings()
    settings.check()
    # The log redactor learns the configured secrets' values as soon as they are read.
    protect(settings.secret_values(), wire=settings.log_wire)
    return settings


def build_store(settings: Settings) -> SqlRegisterStore:
    """Open the database named by the settings and bring its schema up to date."""
    from store.db import make_engine
    from store.migrate import upgrade
    from store.repository import SqlRegisterStore

    settings.data_dir.mkdir(parents=True, exist_ok=True)
    engine = make_engine(settings.effective_database_url)
    upgrade(engine)
    return SqlRegisterStore(engine)


# --- commands ---------------------------------------------------------------


def cmd_serve(args: argparse.Namespace) -> int:
    """Run the bot, the mailbox watcher and the scheduler in one process (or some of them)."""
    from register.demo import load_demo

    settings = build_settings()
    store = build_store(settings)
    if args.demo and load_demo(store, date.today()):
        log.info("Demo register loaded (fictional people and properties).")
    return asyncio.run(serve(settings, store, set(args.only or COMPONENTS)))


COMPONENTS = ("bot", "mailbox", "scheduler")


async def serve(settings: Settings, store: SqlRegisterStore, components: set[str]) -> int:
    """Start the chosen components in this event loop and run until SIGINT or SIGTERM."""
    import signal
    from contextlib import AsyncExitStack

    from register.policy import load_preset

    preset = load_preset(settings.preset)
    notifier = build_notifier(settings, store)
    stop = asyncio.Event()
    loop = asyncio.get_running_loop()
    for sig in (signal.SIGINT, signal.SIGTERM):
        loop.add_signal_handler(sig, stop.set)
    async with AsyncExitStack() as running:
        if settings.sends_outbox:
            # Entered first, so stopped last: it may still send what the others queue.
            # Every component's process runs one; claims keep them from sending twice.
            await running.enter_async_context(run_relay(settings))
        if "bot" in components:
            await running.enter_async_context(run_bot(settings, store, preset, notifier))
        if "scheduler" in components:
            running.enter_context(run_scheduler(settings, store, preset, notifier))
        if "mailbox" in components:
            await running.enter_async_context(run_watcher(settings, store, notifier, stop))
        log.info(
            "Forewarn is running (%s) under the %s preset.",
            ", ".join(sorted(components)),
            preset.council,
        )
        await stop.wait()
    log.info("Forewarn stopped.")
    return 0


def build_notifier(settings: Settings, store: SqlRegisterStore) -> TeamsNotifier:
    """Notices go to staff in Teams, then their managers, then a mailbox outbox."""
    from bot.notifier import TeamsNotifier, proactive_adapter
    from mailbox.outbox import OutboxMail
    from store.notify_repo import NotifyRepository

    repository = NotifyRepository(store.engine)
    return TeamsNotifier(
        adapter=proactive_adapter(
            app_id=settings.app_id,
            app_password=settings.app_password.get_secret_value(),
            tenant_id=settings.app_tenant_id,
        ),
        app_id=settings.app_id,
        store=store,
        references=repository,
        deliveries=repository,
        mail=OutboxMail(settings.effective_mail_folder, settings.notice_sender),
        default_mailbox=settings.fallback_mailbox,
    )


@asynccontextmanager
async def run_bot(
    settings: Settings, store: SqlRegisterStore, preset: Preset, notifier: TeamsNotifier
) -> AsyncIterator[None]:
    from zoneinfo import ZoneInfo

    from aiohttp import web

    from bot.app import build_bot_app
    from bot.conversations import build_conversation
    from mailbox.digest import mark_new_issue
    from register.access import Refusal
    from register.ids import utcnow
    from register.notices import Notice
    from register.staff import StaffMember
    from store.conversation_session import SqlConversationStore
    from store.mail_repo import SqlMailStore
    from store.notify_repo import NotifyRepository

    def ready() -> bool:
        with store.transaction() as session:
            session.counts()
        return True

    def reescalate(claim_id: str, staff: StaffMember, note: str) -> Notice | Refusal:
        """The digest's 'this has a new issue' button: re-escalate and keep the feedback."""
        return mark_new_issue(SqlMailStore(store.engine), claim_id, staff.aad_object_id, note)

    conversation = build_conversation(
        SqlConversationStore(store),
        notifier,
        utcnow,
        ZoneInfo(settings.timezone),
        preset=preset,
        reescalate=reescalate,
    )
    app = build_bot_app(
        app_id=settings.app_id,
        app_password=settings.app_password.get_secret_value(),
        tenant_id=settings.app_tenant_id,
        allowed_tenants=settings.allowed_tenants,
        max_body_bytes=settings.max_body_bytes,
        store=store,
        conversation=conversation,
        support_contact=settings.support_contact,
        ready=ready,
        references=NotifyRepository(store.engine),
    )
    runner = web.AppRunner(app)
    await runner.setup()
    await web.TCPSite(runner, settings.bot_host, settings.bot_port).start()
    log.info("Bot listening on http://%s:%s/api/messages", settings.bot_host, settings.bot_port)
    try:
        yield
    finally:
        await runner.cleanup()


def build_sweeper(
    settings: Settings, store: SqlRegisterStore, preset: Preset, notifier: Notifier
) -> Sweeper:
    from mailbox.digest import FiledMailFromStore
    from scheduler.sweeper import Sweeper, london_today
    from store.mail_repo import SqlMailStore
    from store.schedule_repo import SqlScheduleStore

    return Sweeper(
        SqlScheduleStore(store.engine),
        store.engine,
        preset,
        notifier,
        clock=london_today(settings.timezone),
        filed_mail=FiledMailFromStore(SqlMailStore(store.engine)),
        audit_months=settings.audit_retention_months,
    )


@contextmanager
def run_scheduler(
    settings: Settings, store: SqlRegisterStore, preset: Preset, notifier: Notifier
) -> Iterator[None]:
    from scheduler.service import start_scheduler

    sweeper = build_sweeper(settings, store, preset, notifier)
    scheduler = start_scheduler(sweeper, at=settings.sweep_at, timezone=settings.timezone)
    try:
        yield
    finally:
        scheduler.shutdown(wait=False)


@asynccontextmanager
async def run_watcher(
    settings: Settings, store: SqlRegisterStore, notifier: TeamsNotifier, stop: asyncio.Event
) -> AsyncIterator[None]:
    from mailbox.steps import WatcherSettings
    from mailbox.watcher import build_watcher
    from store.mail_repo import SqlMailStore

    backend = build_mail_backend(settings, store)
    watcher = build_watcher(
        WatcherSettings(
            mailbox=settings.mailbox_address,
            default_spoc_mailbox=settings.mailbox_address,
            alert_recipient=settings.alert_recipient,
            handoff=settings.mailbox_handoff,
            poll_seconds=settings.poll_seconds,
            second_opinion=settings.triage_second_opinion,
        ),
        SqlMailStore(store.engine),
        notifier,
        backend,
    )
    task = asyncio.create_task(watcher.run(stop), name="mailbox watcher")
    try:
        yield
    finally:
        stop.set()
        await task
        backend.close()


@asynccontextmanager
async def run_relay(settings: Settings) -> AsyncIterator[None]:
    """Send the outbox through SMTP or Graph until shutdown (mailbox/relay.py)."""
    from mailbox.relay import OutboxRelay

    relay = OutboxRelay(settings.effective_mail_folder, build_outbox_transport(settings))
    stop = asyncio.Event()
    task = asyncio.create_task(relay.run(stop), name="outbox relay")
    try:
        yield
    finally:
        stop.set()
        await task


def build_outbox_transport(settings: Settings) -> Transport:
    """How the outbox is sent (FOREWARN_OUTBOX_TRANSPORT): the SMTP relay, or Graph's
    sendMail as FOREWARN_NOTICE_SENDER with the FOREWARN_GRAPH_* app."""
    from register.errors import ConfigurationError

    if settings.outbox_transport == "graph":
        from dataclasses import replace
        from email.utils import parseaddr

        from mailbox.graph_send import GraphSendMail

        sender = parseaddr(settings.notice_sender)[1]
        return GraphSendMail(replace(build_graph_settings(settings), mailbox=sender))
    from mailbox.smtp_send import SmtpTransport

    if not settings.smtp_host:
        raise ConfigurationError(
            "FOREWARN_SMTP_HOST is not set: there is no relay to send to (or set "
            "FOREWARN_OUTBOX_TRANSPORT=graph to send through Microsoft Graph)"
        )
    return SmtpTransport(build_relay_settings(settings))


def build_relay_settings(settings: Settings) -> RelaySettings:
    """Map FOREWARN_SMTP_* onto the relay's settings (which check them, offline)."""
    from mailbox.smtp_send import RelaySettings

    return RelaySettings(
        host=settings.smtp_host,
        port=settings.smtp_port,
        security=settings.smtp_security,
        username=settings.smtp_username,
        password=settings.smtp_password.get_secret_value(),
        ca_bundle=settings.smtp_ca_bundle or None,
    )


def build_mail_backend(settings: Settings, store: SqlRegisterStore) -> MailBackend:
    """The mailbox the watcher reads: a folder of .eml files by default, IMAP, EWS or Graph.

    Building a backend opens no connection; the first poll does, so a mailbox
    that is down is reported by the watcher rather than stopping start-up.
    """
    if settings.mailbox_backend == "imap":
        from mailbox.backends.imap import ImapBackend

        return ImapBackend(
            settings.imap_host,
            settings.imap_port,
            settings.imap_user,
            settings.imap_password.get_secret_value(),
            use_ssl=settings.imap_ssl,
        )
    if settings.mailbox_backend == "ews":
        from mailbox.backends.ews import EwsBackend
        from store.sync_state_repo import SqlSyncStateStore

        return EwsBackend(build_ews_settings(settings), sync_states=SqlSyncStateStore(store.engine))
    if settings.mailbox_backend == "graph":
        from mailbox.backends.graph import GraphBackend
        from store.sync_state_repo import SqlSyncStateStore

        sync_states = SqlSyncStateStore(store.engine)  # delta links, as EWS keeps its sync states
        return GraphBackend(build_graph_settings(settings), sync_states=sync_states)
    from mailbox.backends.folder import FolderBackend

    return FolderBackend(settings.effective_mail_folder)


def build_graph_settings(settings: Settings) -> GraphSettings:
    """Map FOREWARN_GRAPH_* onto the Graph backend's settings (which check them, offline)."""
    from mailbox.backends.graph_settings import GraphSettings

    return GraphSettings(
        mailbox=settings.effective_graph_mailbox,
        tenant_id=settings.graph_tenant_id,
        client_id=settings.graph_client_id,
        client_secret=settings.graph_client_secret.get_secret_value(),
        folders_under=settings.graph_folders_under,
        ca_bundle=settings.graph_ca_bundle or None,
    )


def build_ews_settings(settings: Settings) -> EwsSettings:
    """Map FOREWARN_EWS_* onto the EWS backend's settings (which check them, offline)."""
    from mailbox.backends.ews_settings import (
        AppOnlyOAuth,
        DelegatedOAuth,
        EwsAuth,
        EwsSettings,
        OnPremisesLogin,
    )

    auth: EwsAuth
    if settings.ews_auth == "app":
        auth = AppOnlyOAuth(
            tenant_id=settings.ews_tenant_id,
            client_id=settings.ews_client_id,
            client_secret=settings.ews_client_secret.get_secret_value(),
        )
    elif settings.ews_auth == "delegated":
        auth = DelegatedOAuth(
            client_id=settings.ews_client_id,
            access_token=settings.ews_access_token.get_secret_value(),
            tenant_id=settings.ews_tenant_id or None,
            client_secret=settings.ews_client_secret.get_secret_value() or None,
            refresh_token=settings.ews_refresh_token.get_secret_value() or None,
        )
    else:
        auth = OnPremisesLogin(
            username=settings.ews_username,
            password=settings.ews_password.get_secret_value(),
            scheme=settings.ews_auth,
        )
    return EwsSettings(
        mailbox=settings.effective_ews_mailbox,
        auth=auth,
        service_endpoint=settings.ews_endpoint or None,
    )


def cmd_migrate(args: argparse.Namespace) -> int:
    build_store(build_settings())
    print("Database is up to date.")
    return 0


def cmd_demo(args: argparse.Namespace) -> int:
    from register.demo import load_demo

    loaded = load_demo(build_store(build_settings()), date.today())
    print(
        "Demo register loaded." if loaded else "The register already holds people; nothing loaded."
    )
    return 0


def cmd_import(args: argparse.Namespace) -> int:
    from register.importing import run_import_command
    from register.policy import load_preset

    settings = build_settings()
    store = build_store(settings)
    return run_import_command(
        store,
        args.csv,
        actor=args.actor,
        partial=args.partial,
        rejects_path=args.rejects,
        preset=load_preset(settings.preset),
    )


def cmd_export(args: argparse.Namespace) -> int:
    from register.exporting import run_export_command
    from register.policy import load_preset

    settings = build_settings()
    store = build_store(settings)
    return run_export_command(
        store, args.out, actor=args.actor, preset=load_preset(settings.preset)
    )


def cmd_sar(args: argparse.Namespace) -> int:
    from register.exporting import run_sar_command

    return run_sar_command(build_store(build_settings()), args.person, args.out, actor=args.actor)


def cmd_check(args: argparse.Namespace) -> int:
    """A pre-visit or contact check from the command line, as the bot would answer it."""
    from register.brief_text import describe
    from register.lookup import ask
    from store.lookup_queries import SqlLookupStore

    lookups = SqlLookupStore(build_store(build_settings()))
    print(describe(ask(lookups, args.actor, " ".join(args.query))))
    return 0


def cmd_triage_eval(args: argparse.Namespace) -> int:
    from mailbox.triage.eval import main as triage_eval

    return triage_eval([str(args.corpus), *args.extra])


def cmd_presets(args: argparse.Namespace) -> int:
    from register.policy import available_presets, copy_preset, load_preset

    if args.copy:
        name, dest = args.copy
        copy_preset(name, Path(dest))
        print(f"Copied {name} to {dest}. Point FOREWARN_PRESET at that file after editing it.")
        return 0
    for name in available_presets():
        print(f"{name:40} {load_preset(name).council}")
    return 0


def cmd_staff(args: argparse.Namespace) -> int:
    """Map a member of staff's Entra ID object id to a role (the only way in)."""
    from register.staff import Role, StaffMember

    member = StaffMember(
        args.aad_id,
        args.name,
        args.title,
        Role(args.role),
        args.service,
        args.email or "",
        args.manager,
    )
    store = build_store(build_settings())
    with store.transaction() as session:
        exists = session.staff_member(member.aad_object_id) is not None
        (session.update if exists else session.add)(member)
    print(f"{'Updated' if exists else 'Added'} {member.name} as {member.role.label}.")
    return 0


def cmd_sweep(args: argparse.Namespace) -> int:
    """Run today's sweep now (reminders, deadlines, retention), even if it already ran."""
    from register.policy import load_preset
    from scheduler.service import run_now

    settings = build_settings()
    store = build_store(settings)
    sweeper = build_sweeper(
        settings, store, load_preset(settings.preset), build_notifier(settings, store)
    )
    report = asyncio.run(run_now(sweeper))
    print(f"Sweep for {report.day}: {report.detail}")
    for problem in report.problems:
        print(f"  problem: {problem}")
    return 1 if report.problems else 0


def cmd_report(args: argparse.Namespace) -> int:
    """The annual report and the register dashboard (CSV and an SVG chart)."""
    from register.policy import load_preset
    from scheduler.reports import write_reports

    settings = build_settings()
    store = build_store(settings)
    for path in write_reports(store, load_preset(settings.preset), args.year, args.out):
        print(path)
    return 0


def cmd_mail_replay(args: argparse.Namespace) -> int:
    """Move quarantined mail back to the inbox so the watcher tries it again."""
    from mailbox.replay import replay
    from store.mail_repo import SqlMailStore

    settings = build_settings()
    store = build_store(settings)
    backend = build_mail_backend(settings, store)
    try:
        done = replay(
            SqlMailStore(store.engine),
            backend,
            settings.mailbox_address,
            claim_ids=set(args.claim) if args.claim else None,
        )
    finally:
        backend.close()
    print(f"Replayed {len(done.claims)} message(s); {done.unclaimed} had no claim.")
    return 0


def cmd_mail_return_retry(args: argparse.Namespace) -> int:
    """Ask the watcher to try again to move back reopened mail it gave up on."""
    from mailbox.reopening import retry_failed_returns
    from store.mail_repo import SqlMailStore

    settings = build_settings()
    store = SqlMailStore(build_store(settings).engine)
    claim_ids = set(args.claim) if args.claim else None
    retried = retry_failed_returns(store, settings.mailbox_address, claim_ids)
    print(f"{len(retried)} reopened email(s) will be moved back at the watcher's next check.")
    return 0


def cmd_outbox(args: argparse.Namespace) -> int:
    """How much mail the outbox holds; with --send, send what is queued through the relay now."""
    from mailbox.relay import OutboxRelay, outbox_counts

    settings = build_settings()
    root = settings.effective_mail_folder
    status = 0
    if args.send:
        done = OutboxRelay(root, build_outbox_transport(settings)).dispatch_once()
        print(f"Sent {done.sent}; refused for good {done.failed}; refused for now {done.deferred}.")
        if done.problem:
            print(f"  problem: {done.problem}")
        status = 1 if done.problem or done.failed or done.deferred else 0
    counts = outbox_counts(root)
    print(f"queued:  {counts.queued:6}  {root / 'outbox'}")
    if counts.sending:
        print(f"sending: {counts.sending:6}  (claimed by a Forewarn process)")
    print(f"sent:    {counts.sent:6}  {root / 'outbox-sent'}")
    print(f"failed:  {counts.failed:6}  {root / 'outbox-failed'}")
    return status


def cmd_known_issues(args: argparse.Namespace) -> int:
    """Import the SPOC officer's list of each customer's known issues (docs/csv-format.md)."""
    from mailbox.known_issues import run_known_issues_command

    return run_known_issues_command(build_store(build_settings()), args.csv)


def cmd_teams_package(args: argparse.Namespace) -> int:
    """The Teams app package (manifest and icons, zipped) to upload to the council's tenant."""
    from bot.package import build_teams_package

    path = build_teams_package(
        args.app_id,
        args.out,
        name=args.name,
        developer=args.developer,
        website=args.website,
        privacy_url=args.privacy_url,
        terms_url=args.terms_url,
        version=args.version,
    )
    print(f"Wrote {path}. Upload it in the Teams admin centre (docs/teams-setup.md).")
    return 0


def cmd_letters(args: argparse.Namespace) -> int:
    """Decision, review and appeal letters: list, make (.docx and .txt), record sent or not."""
    from letters.commands import run_letters_command
    from register.policy import load_preset

    settings = build_settings()
    return run_letters_command(build_store(settings), load_preset(settings.preset), args)


# --- argument parsing -------------------------------------------------------

ACTOR_HELP = "Entra ID object id of the member of staff doing this (recorded in the audit trail)"


def _parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(prog="app.py", description=__doc__.splitlines()[0])
    parser.add_argument("-v", "--verbose", action="store_true", help="debug logging")
    sub = parser.add_subparsers(dest="command", required=True)

    def command(
        name: str, handler: Callable[[argparse.Namespace], int], text: str
    ) -> argparse.ArgumentParser:
        p = sub.add_parser(name, help=text, description=text)
        p.set_defaults(handler=handler)
        return p

    p = command("serve", cmd_serve, "run Forewarn (bot, mailbox watcher, scheduler)")
    p.add_argument("--demo", action="store_true", help="load the fictional demo register first")
    p.add_argument(
        "--only",
        action="append",
        choices=["bot", "mailbox", "scheduler"],
        help="run only this component (repeatable)",
    )
    command("migrate", cmd_migrate, "create or upgrade the database schema")
    command("demo", cmd_demo, "load the fictional demo register")
    p = command("import", cmd_import, "import a register from CSV (docs/csv-format.md)")
    p.add_argument("csv", type=Path)
    p.add_argument(
        "--partial",
        action="store_true",
        help="import the good rows and write the bad ones to --rejects",
    )
    p.add_argument("--rejects", type=Path, help="where --partial writes the bad rows")
    p.add_argument("--actor", default="system:cli", help=ACTOR_HELP)
    p = command("export", cmd_export, "export the register to CSV")
    p.add_argument("out", type=Path)
    p.add_argument("--actor", required=True, help=ACTOR_HELP)
    p = command("sar", cmd_sar, "subject access export: everything held on one person (JSON)")
    p.add_argument("person", help="the person's id or email address")
    p.add_argument("out", type=Path)
    p.add_argument("--actor", required=True, help=ACTOR_HELP)
    p = command("check", cmd_check, "pre-visit check: an address, a postcode or a name")
    p.add_argument("query", nargs="+")
    p.add_argument("--actor", required=True, help=ACTOR_HELP)
    p = command("triage-eval", cmd_triage_eval, "measure mailbox triage on a corpus (JSONL)")
    p.add_argument("corpus", type=Path)
    p.add_argument("extra", nargs="*", help=argparse.SUPPRESS)
    p = command("presets", cmd_presets, "list the policy presets, or copy one to edit")
    p.add_argument("--copy", nargs=2, metavar=("NAME", "DEST"))
    command("sweep", cmd_sweep, "run the scheduler's sweep now")
    p = command("report", cmd_report, "annual report and dashboard (CSV, SVG)")
    p.add_argument("year", type=int)
    p.add_argument("--out", type=Path, default=Path("reports"))
    p = command(
        "known-issues", cmd_known_issues, "import customers' known issues from CSV, for triage"
    )
    p.add_argument("csv", type=Path)
    p = command("outbox", cmd_outbox, "mail waiting to be sent, sent and refused; --send sends")
    p.add_argument(
        "--send", action="store_true", help="send the queued mail now (SMTP relay or Graph)"
    )
    p = command("mail-replay", cmd_mail_replay, "replay quarantined mail")
    p.add_argument("--claim", action="append", help="only this claim id (repeatable)")
    p = command(
        "mail-return-retry", cmd_mail_return_retry, "retry moving back reopened mail that failed"
    )
    p.add_argument("--claim", action="append", help="only this claim id (repeatable)")
    p = command("teams-package", cmd_teams_package, "build the Teams app package (zip)")
    p.add_argument("--app-id", required=True, help="the Azure Bot's app (client) id")
    p.add_argument("--out", type=Path, default=Path("forewarn-teams-app.zip"))
    p.add_argument("--name", default="Forewarn")
    p.add_argument("--developer", required=True, help="the council's name")
    p.add_argument("--website", required=True)
    p.add_argument("--privacy-url", required=True)
    p.add_argument("--terms-url", required=True)
    p.add_argument("--version", default="1.0.0")
    from letters.commands import add_letters_arguments

    p = command("letters", cmd_letters, "letters: list, render (.docx and .txt), sent, not-sent")
    add_letters_arguments(p)
    from register.lifecycle_commands import add_lifecycle_commands

    add_lifecycle_commands(sub, build_store, build_settings)
    p = command("staff", cmd_staff, "add or update a member of staff")
    p.add_argument("--aad-id", required=True, help="Entra ID object id")
    p.add_argument("--name", required=True)
    p.add_argument("--title", required=True, help="job title")
    p.add_argument("--role", required=True, choices=["frontline", "manager", "admin"])
    p.add_argument("--service")
    p.add_argument("--email")
    p.add_argument("--manager", help="Entra ID object id of their manager")
    return parser


def main(argv: Sequence[str] | None = None) -> int:
    from logging_setup import configure
    from register.errors import ForewarnError

    args = _parser().parse_args(argv)
    # Before anything can log: even at DEBUG (-v) no credential reaches the log,
    # and mail bodies only with FOREWARN_LOG_WIRE=1 (logging_setup says why).
    configure(verbose=args.verbose)
    try:
        return int(args.handler(args))
    except ForewarnError as error:
        # Expected failures (bad input, unsafe settings) get a clear message, not a traceback.
        print(f"forewarn: {error}", file=sys.stderr)
        return 2
    except KeyboardInterrupt:
        return 130


if __name__ == "__main__":
    sys.exit(main())
