"""A real Dovecot IMAP server for the mailbox tests (and the demo, when Dovecot is installed).

Debian's ``dovecot-imapd`` (``make dovecot`` installs it with apt-get) is started as a plain
process in the foreground with a configuration generated into a temporary folder: it
listens on 127.0.0.1 on a free port, knows one user from a ``passwd-file`` (password in
plain text, ``PLAIN`` scheme), keeps mail as Maildir in the same folder, and runs without
TLS (``ssl = no``: loopback only) or, with ``tls=True``, with a self-signed certificate
made with ``cryptography`` (STARTTLS and implicit TLS on a second port). Nothing of the
system's Dovecot configuration or services is used or touched.

Run by root (CI containers), Dovecot's login and internal processes drop to the package's
unprivileged ``dovenull`` and ``dovecot`` users, and mail belongs to ``dovecot``; run by
anyone else, every process is that user's.
"""

from __future__ import annotations

import datetime as dt
import grp
import ipaddress
import os
import pwd
import shutil
import socket
import subprocess
import tempfile
import time
from dataclasses import dataclass
from pathlib import Path
from types import TracebackType

DOVECOT = Path(os.environ.get("HUB_TEST_DOVECOT") or "/usr/sbin/dovecot")
DOVECOT_MISSING = f"dovecot not found at {DOVECOT}: run `make dovecot`"


def find_dovecot() -> str | None:
    """The Dovecot binary if installed (``DOVECOT``, else ``dovecot`` on the PATH)."""
    return str(DOVECOT) if DOVECOT.exists() else shutil.which("dovecot")


def free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return int(probe.getsockname()[1])


@dataclass(frozen=True)
class ImapAccount:
    host: str
    port: int
    username: str
    password: str
    tls_port: int | None = None
    ca_file: str | None = None


_CONFIG = """\
base_dir = {root}/run
state_dir = {root}/state
log_path = {root}/dovecot.log
info_log_path = {root}/dovecot.log
protocols = imap
listen = 127.0.0.1
{ssl}
disable_plaintext_auth = no
auth_mechanisms = plain login
auth_failure_delay = 0
default_login_user = {login_user}
default_internal_user = {internal_user}
default_internal_group = {internal_group}
mail_location = maildir:{root}/mail/%u
mail_uid = {uid}
mail_gid = {gid}
first_valid_uid = 0
mail_privileged_group =
passdb {{
  driver = passwd-file
  args = scheme=PLAIN username_format=%u {root}/passwd
}}
userdb {{
  driver = static
  args = uid={uid} gid={gid} home={root}/home/%u
}}
namespace inbox {{
  inbox = yes
  separator = /
}}
service imap-login {{
  chroot =
  inet_listener imap {{
    address = 127.0.0.1
    port = {port}
  }}
  inet_listener imaps {{
    address = 127.0.0.1
    port = {tls_port}
  }}
}}
service anvil {{
  chroot =
}}
service stats {{
  unix_listener stats-reader {{
    mode = 0666
  }}
  unix_listener stats-writer {{
    mode = 0666
  }}
}}
"""


def self_signed(root: Path) -> tuple[Path, Path]:
    """A self-signed certificate for localhost and 127.0.0.1, and its key, written in ``root``."""
    from cryptography import x509
    from cryptography.hazmat.primitives import hashes, serialization
    from cryptography.hazmat.primitives.asymmetric import ec
    from cryptography.x509.oid import NameOID

    key = ec.generate_private_key(ec.SECP256R1())
    name = x509.Name([x509.NameAttribute(NameOID.COMMON_NAME, "localhost")])
    # Valid from a day before the file's own time to a year after: the certificate is made
    # afresh for each server, so it never expires under a test.
    made = dt.datetime.fromtimestamp(root.stat().st_mtime, dt.UTC)
    cert = (
        x509.CertificateBuilder()
        .subject_name(name)
        .issuer_name(name)
        .public_key(key.public_key())
        .serial_number(x509.random_serial_number())
        .not_valid_before(made - dt.timedelta(days=1))
        .not_valid_after(made + dt.timedelta(days=365))
        .add_extension(
            x509.SubjectAlternativeName(
                [x509.DNSName("localhost"), x509.IPAddress(ipaddress.ip_address("127.0.0.1"))]
            ),
            critical=False,
        )
        .add_extension(x509.BasicConstraints(ca=True, path_length=None), critical=True)
        .sign(key, hashes.SHA256())
    )
    cert_path, key_path = root / "cert.pem", root / "key.pem"
    cert_path.write_bytes(cert.public_bytes(serialization.Encoding.PEM))
    key_path.write_bytes(
        key.private_bytes(
            serialization.Encoding.PEM,
            serialization.PrivateFormat.PKCS8,
            serialization.NoEncryption(),
        )
    )
    return cert_path, key_path


class DovecotServer:
    """One Dovecot process with one mailbox user; a context manager that stops it."""

    def __init__(
        self,
        *,
        username: str = "hub@example.org",
        password: str = "mailbox-secret",
        tls: bool = False,
        binary: str | None = None,
    ) -> None:
        found = binary or find_dovecot()
        if found is None:
            raise FileNotFoundError(DOVECOT_MISSING)
        self.binary = found
        self.username = username
        self.password = password
        self.tls = tls
        self._dir = tempfile.TemporaryDirectory(prefix="hub-dovecot-")
        self.root = Path(self._dir.name)
        self.port = free_port()
        self.tls_port = free_port() if tls else 0
        self.ca_file: str | None = None
        self._process: subprocess.Popen[bytes] | None = None

    @property
    def account(self) -> ImapAccount:
        return ImapAccount(
            "127.0.0.1",
            self.port,
            self.username,
            self.password,
            self.tls_port or None,
            self.ca_file,
        )

    def _write_config(self) -> Path:
        root = self.root
        root.chmod(0o755)
        for sub in ("run", "state", "mail", "home"):
            (root / sub).mkdir()
        if os.getuid() == 0:
            owner = pwd.getpwnam("dovecot")
            login_user, internal_user = "dovenull", "dovecot"
            uid, gid = owner.pw_uid, owner.pw_gid
            for sub in ("mail", "home"):
                os.chown(root / sub, uid, gid)
        else:
            me = pwd.getpwuid(os.getuid())
            login_user = internal_user = me.pw_name
            uid, gid = me.pw_uid, me.pw_gid
        internal_group = grp.getgrgid(pwd.getpwnam(internal_user).pw_gid).gr_name
        if self.tls:
            cert, key = self_signed(root)
            self.ca_file = str(cert)
            ssl = f"ssl = yes\nssl_cert = <{cert}\nssl_key = <{key}"
        else:
            ssl = "ssl = no"
        (root / "passwd").write_text(f"{self.username}:{{PLAIN}}{self.password}\n")
        config = root / "dovecot.conf"
        config.write_text(
            _CONFIG.format(
                root=root,
                ssl=ssl,
                login_user=login_user,
                internal_user=internal_user,
                internal_group=internal_group,
                uid=uid,
                gid=gid,
                port=self.port,
                tls_port=self.tls_port,
            )
        )
        return config

    def start(self, timeout: float = 15.0) -> DovecotServer:
        config = self._write_config()
        self._process = subprocess.Popen(
            [self.binary, "-F", "-c", str(config)],
            stdout=subprocess.DEVNULL,
            stderr=subprocess.PIPE,
        )
        deadline = time.monotonic() + timeout
        while time.monotonic() < deadline:
            if self._process.poll() is not None:
                raise RuntimeError(f"dovecot stopped at once: {self.log()}")
            try:
                with socket.create_connection(("127.0.0.1", self.port), timeout=0.5) as probe:
                    if probe.recv(100).startswith(b"* OK"):
                        return self
            except OSError:
                time.sleep(0.05)
        self.stop()
        raise RuntimeError(f"dovecot did not answer on port {self.port}: {self.log()}")

    def log(self) -> str:
        path = self.root / "dovecot.log"
        text = path.read_text(errors="replace") if path.exists() else ""
        if self._process is not None and self._process.stderr and self._process.poll() is not None:
            text += self._process.stderr.read().decode(errors="replace")
        return text[-2000:]

    def stop(self) -> None:
        if self._process is not None and self._process.poll() is None:
            self._process.terminate()
            try:
                self._process.wait(timeout=10)
            except subprocess.TimeoutExpired:
                self._process.kill()
                self._process.wait()
        if self._process is not None and self._process.stderr:
            self._process.stderr.close()
        self._process = None
        self._dir.cleanup()

    def __enter__(self) -> DovecotServer:
        return self.start()

    def __exit__(
        self,
        kind: type[BaseException] | None,
        error: BaseException | None,
        trace: TracebackType | None,
    ) -> None:
        self.stop()
