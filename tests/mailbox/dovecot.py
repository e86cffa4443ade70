"""A real Dovecot IMAP server for tests, started in a temporary directory.

STYLE.md asks for tests against real servers where one can run: Dovecot
can, as a plain `dovecot -F` process with its own configuration (the
template next to this file), users in a passwd file and Maildir storage.
It listens on a free loopback port chosen at start, so it never collides
with a mail server on the machine. Mail files belong to the `mail` system
user because Dovecot refuses uid 0 for mail storage.
"""

from __future__ import annotations

import grp
import imaplib
import os
import pwd
import shutil
import signal
import socket
import subprocess
import tempfile
import time
from pathlib import Path
from string import Template

from tests.net import free_port

TEMPLATE = Path(__file__).with_name("dovecot.conf.template")
SEARCH_PATH = os.pathsep.join([os.environ.get("PATH", ""), "/usr/sbin", "/usr/local/sbin"])
LDA_CANDIDATES = ("/usr/lib/dovecot/dovecot-lda", "/usr/libexec/dovecot/dovecot-lda")


def dovecot_binary() -> str | None:
    return shutil.which("dovecot", path=SEARCH_PATH)


def why_dovecot_cannot_run() -> str | None:
    """None if the fixture can start Dovecot here, otherwise the reason in plain words."""
    if dovecot_binary() is None:
        return "Dovecot is not installed (apt-get install dovecot-imapd)"
    if os.geteuid() != 0:
        return "the Dovecot fixture runs Dovecot as root (it switches to the mail user)"
    try:
        pwd.getpwnam("mail")
    except KeyError:
        return "there is no 'mail' system user to own the test mail files"
    return None


def _end_group(group: int) -> None:
    """SIGTERM, then SIGKILL, whatever is left in a process group this fixture started."""
    for sig in (signal.SIGTERM, signal.SIGKILL):
        try:
            os.killpg(group, sig)
        except ProcessLookupError:
            return
        time.sleep(0.2)


class DovecotServer:
    """One Dovecot process: start, stop, restart on the same port, add users, deliver mail."""

    host = "127.0.0.1"

    def __init__(self) -> None:
        self.root = Path(tempfile.mkdtemp(prefix="forewarn-dovecot-"))
        # Dovecot's mail processes run as `mail` and must traverse to the homes.
        self.root.chmod(0o755)
        self.port = free_port()
        self.config = self.root / "dovecot.conf"
        self.users = self.root / "users"
        self._process: subprocess.Popen[bytes] | None = None
        self._mail = pwd.getpwnam("mail")
        for sub in ("run", "state", "home"):
            (self.root / sub).mkdir()
        os.chown(self.root / "home", self._mail.pw_uid, self._mail.pw_gid)
        # Accounts written before start are usable at once; Dovecot notices
        # later additions to the file only after a few seconds.
        self._spare = [(f"spoc{n}@forewarn.test", f"password-{n}") for n in range(1, 101)]
        self.users.write_text("".join(f"{u}:{{PLAIN}}{pw}::::::\n" for u, pw in self._spare))
        self._stamp = int(time.time())
        self.config.write_text(
            Template(TEMPLATE.read_text()).substitute(
                root=self.root,
                port=self.port,
                mail_uid=self._mail.pw_uid,
                mail_gid=grp.getgrgid(self._mail.pw_gid).gr_gid,
            )
        )

    def start(self, timeout: float = 20.0) -> None:
        """Start Dovecot and wait until it greets an IMAP client."""
        binary = dovecot_binary()
        assert binary is not None
        self._process = subprocess.Popen(
            [binary, "-F", "-c", str(self.config)],
            stdout=subprocess.DEVNULL,
            stderr=subprocess.PIPE,
            # Its own process group, so stop() can end every child it forked.
            start_new_session=True,
        )
        deadline = time.monotonic() + timeout
        while time.monotonic() < deadline:
            if self._process.poll() is not None:
                raise RuntimeError(f"Dovecot exited at start:\n{self._diagnostics()}")
            if self._greets():
                return
            time.sleep(0.05)
        self.stop()
        raise RuntimeError(
            f"Dovecot did not accept connections in {timeout}s:\n{self._diagnostics()}"
        )

    def stop(self, timeout: float = 20.0) -> None:
        """Stop Dovecot and every process it started, as a crash or reboot would.

        SIGTERM to the master is Dovecot's own shutdown; an `imap` process
        busy with a client can outlive it briefly, so the whole process group
        is then ended too: a test of reconnection must see the connection drop.
        """
        process, self._process = self._process, None
        if process is None:
            return
        if process.poll() is None:
            process.send_signal(signal.SIGTERM)
            try:
                process.wait(timeout)
            except subprocess.TimeoutExpired:
                process.kill()
                process.wait(timeout)
        _end_group(process.pid)
        if process.stderr is not None:
            process.stderr.close()
        deadline = time.monotonic() + timeout
        while self._greets() and time.monotonic() < deadline:
            time.sleep(0.05)

    def restart(self) -> None:
        self.stop()
        self.start()

    def remove(self) -> None:
        self.stop()
        shutil.rmtree(self.root, ignore_errors=True)

    @property
    def running(self) -> bool:
        return self._process is not None and self._process.poll() is None

    def account(self) -> tuple[str, str]:
        """A (user, password) no other test has used, with an empty mailbox."""
        if self._spare:
            return self._spare.pop(0)
        return self.add_user(f"extra{time.time_ns()}@forewarn.test")

    def add_user(self, name: str, password: str = "test-password") -> tuple[str, str]:
        """A fresh mailbox in the passwd file, usable as soon as this returns.

        Dovecot re-reads the file when its modification time changes, which
        has a one-second grain: every write gets a later stamp, and the login
        is tried until Dovecot has picked the user up.
        """
        with self.users.open("a") as users:
            users.write(f"{name}:{{PLAIN}}{password}::::::\n")
        self._stamp = max(self._stamp + 1, int(time.time()))
        os.utime(self.users, (self._stamp, self._stamp))
        deadline = time.monotonic() + 10
        while True:
            try:
                self.client(name, password).logout()
                return name, password
            except imaplib.IMAP4.error:
                if time.monotonic() > deadline:
                    raise
                time.sleep(0.1)

    def client(self, user: str, password: str) -> imaplib.IMAP4:
        conn = imaplib.IMAP4(self.host, self.port, timeout=10)
        try:
            conn.login(user, password)
        except BaseException:
            conn.shutdown()
            raise
        return conn

    def append(self, user: str, password: str, raw: bytes, folder: str = "INBOX") -> None:
        """Deliver by IMAP APPEND, as a mail client saving a message would."""
        conn = self.client(user, password)
        try:
            typ, data = conn.append(folder, "", None, raw)
            assert typ == "OK", data
        finally:
            conn.logout()

    def deliver_lda(self, user: str, raw: bytes, sender: str = "sender@example.org") -> None:
        """Deliver as the MTA would, through dovecot-lda (adds Return-Path and Delivered-To)."""
        lda = next((path for path in LDA_CANDIDATES if Path(path).exists()), None)
        assert lda is not None, "dovecot-lda not found"
        subprocess.run(
            [lda, "-c", str(self.config), "-d", user, "-f", sender],
            input=raw,
            check=True,
            capture_output=True,
            timeout=30,
        )

    def _greets(self) -> bool:
        try:
            with socket.create_connection((self.host, self.port), timeout=1) as conn:
                conn.settimeout(2)
                return conn.recv(64).startswith(b"* OK")
        except OSError:
            return False

    def _diagnostics(self) -> str:
        stderr = b""
        process = self._process
        if process is not None and process.stderr is not None and process.poll() is not None:
            stderr = process.stderr.read()
        log = self.root / "dovecot.log"
        text = log.read_text(errors="replace")[-4000:] if log.exists() else ""
        return stderr.decode(errors="replace") + text
