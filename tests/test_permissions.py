"""Issue #11, point 8: owner-only everywhere.

Every file Encaisse writes holds debtor data — the book, letters, statements, agreements,
claims, evidence files, exports, backups, logs, the lock file — and is created 0600 in folders
0700 on Linux and macOS (stored documents 0400: read-only by design).  ``main()`` runs with
umask 077, which covers our code and every library's files; this test runs the program as
the owner does, in fresh processes with a temporary home, then lists every file and folder.
"""

from __future__ import annotations

import datetime as dt
import os
import signal
import stat
import subprocess
import sys
import time
from decimal import Decimal
from pathlib import Path

import pytest

from services.followup import dunning
from tests.helpers_cli import ROOT, open_book

pytestmark = pytest.mark.skipif(os.name != "posix", reason="file modes are POSIX only")

DAY = "2026-03-15"
CLIENT = "BLANCIMPRIM"  # a demo client with overdue invoices and letters due on DAY


def environment(root: Path, home: Path, runtime: Path) -> dict[str, str]:
    env = {key: value for key, value in os.environ.items() if not key.startswith("XDG_")}
    env.pop("ENCAISSE_DB", None)
    env.pop("ENCAISSE_DOCUMENTS", None)
    env.update(
        {
            "HOME": str(home),
            "XDG_DATA_HOME": str(home / ".local" / "share"),  # the log lands in tmp
            "XDG_CONFIG_HOME": str(home / ".config"),
            "XDG_CACHE_HOME": str(home / ".cache"),
            "XDG_RUNTIME_DIR": str(runtime),
            "QT_QPA_PLATFORM": "offscreen",
            "TMPDIR": str(root / "tmp"),  # scratch files of the run are listed too
        }
    )
    return env


def encaisse(env: dict[str, str], *args: str) -> subprocess.CompletedProcess[str]:
    done = subprocess.run(
        [sys.executable, str(ROOT / "main.py"), *args],
        cwd=ROOT,
        env=env,
        capture_output=True,
        text=True,
        timeout=300,
    )
    assert done.returncode == 0, f"{args}: {done.stderr}"
    return done


def a_pdf(path: Path) -> Path:
    from reportlab.pdfgen import canvas

    c = canvas.Canvas(str(path))
    c.drawString(72, 720, "Contrat-cadre signé")
    c.save()
    return path


def held_exclusively(lock: Path) -> bool:
    """Whether a window holds the book's lock (services/book/booklock.py: flock, exclusive)."""
    import fcntl

    try:
        fd = os.open(lock, os.O_RDONLY)
    except OSError:
        return False
    try:
        fcntl.flock(fd, fcntl.LOCK_SH | fcntl.LOCK_NB)
    except BlockingIOError:
        return True
    finally:
        os.close(fd)  # closing drops a lock taken here
    return False


def start_window(env: dict[str, str], book: Path, log: Path) -> None:
    """The window (offscreen): its lock file and its log, then killed (a crash leaves both)."""
    window = subprocess.Popen(
        [sys.executable, str(ROOT / "main.py"), "--db", str(book)],
        cwd=ROOT,
        env=env,
        stdout=subprocess.DEVNULL,
        stderr=subprocess.PIPE,
        text=True,
    )
    lock = Path(str(book) + ".lock")
    try:
        deadline = time.monotonic() + 120
        while time.monotonic() < deadline:
            if window.poll() is not None:
                pytest.fail(f"the window stopped: {window.stderr.read() if window.stderr else ''}")
            if log.exists() and held_exclusively(lock):
                return
            time.sleep(0.2)
        pytest.fail("the window took the lock and wrote its log within 2 minutes: it did not")
    finally:
        if window.poll() is None:
            os.kill(window.pid, signal.SIGKILL)
        window.wait(timeout=30)


def force_a_bug(env: dict[str, str], book: Path) -> subprocess.CompletedProcess[str]:
    """A command that fails with a bug: main() logs the traceback (the path it prints)."""
    code = (
        "import sys, main\n"
        "import cli\n"
        "def broken(*args):\n"
        "    raise RuntimeError('forced by test_permissions')\n"
        "cli.run = broken\n"
        f"sys.exit(main.main(['--db', {str(book)!r}, 'clients']))\n"
    )
    done = subprocess.run(
        [sys.executable, "-c", code], cwd=ROOT, env=env, capture_output=True, text=True, timeout=120
    )
    assert done.returncode == 1 and "unexpected problem" in done.stderr, done.stderr
    return done


@pytest.mark.slow  # a dozen commands in subprocesses, the demo and letters among them
def test_every_file_is_owner_only_after_a_full_run(tmp_path: Path) -> None:
    root = tmp_path / "run"  # everything below is listed
    home = root / "home"
    home.mkdir(parents=True)
    (root / "tmp").mkdir()
    ours = {root, home, root / "tmp"}  # made by this test, not by Encaisse
    runtime = tmp_path / "runtime"
    runtime.mkdir(mode=0o700)
    inputs = tmp_path / "input"  # the owner's own files, not Encaisse's
    inputs.mkdir()
    env = environment(root, home, runtime)
    book = root / "books" / "shop" / "shop.db"
    out = root / "out"
    log = home / ".local" / "share" / "Encaisse" / "Encaisse" / "logs" / "encaisse.log"

    encaisse(env, "--db", str(book), "demo", "--date", DAY)
    (inputs / "clients.csv").write_text(
        "code,name\nNEWCO,Nouvelle Société SARL\n", encoding="utf-8"
    )
    encaisse(env, "--db", str(book), "import", "clients", str(inputs / "clients.csv"))
    encaisse(
        env,
        "--db",
        str(book),
        "attach",
        "--client",
        CLIENT,
        "--kind",
        "contract",
        "--signed",
        "--signed-on",
        "2025-01-10",
        str(a_pdf(inputs / "contrat.pdf")),
    )
    letters = encaisse(
        env,
        "--db",
        str(book),
        "letters",
        "--date",
        DAY,
        "--out",
        str(out / "letters" / DAY),
        "--record",
    )
    assert not letters.stdout.startswith("0 letters"), letters.stdout
    encaisse(
        env,
        "--db",
        str(book),
        "statement",
        "--client",
        CLIENT,
        "--date",
        DAY,
        "--out",
        str(out / "statements" / "releve.pdf"),
    )
    with open_book(book):  # the demo has no payment plan: agree one, for the agreement
        client_id = dunning_client_id(CLIENT)
        dunning.create_plan(
            client_id,
            [],
            dunning.equal_split(Decimal("900.00"), 3, dt.date(2026, 4, 15)),
            agreed_on=dt.date(2026, 3, 15),
        )
    encaisse(
        env,
        "--db",
        str(book),
        "agreement",
        "--client",
        CLIENT,
        "--out",
        str(out / "agreements" / "echeancier.pdf"),
    )
    encaisse(
        env,
        "--db",
        str(book),
        "claim",
        "--client",
        CLIENT,
        "--date",
        DAY,
        "--out",
        str(out / "claims" / "injonction.pdf"),
    )
    encaisse(
        env,
        "--db",
        str(book),
        "evidence",
        "--client",
        CLIENT,
        "--date",
        DAY,
        "--out",
        str(out / "evidence" / "dossier.pdf"),
    )
    encaisse(env, "--db", str(book), "export", "--out", str(out / "export" / "all"))
    encaisse(
        env, "--db", str(book), "export", "--client", CLIENT, "--out", str(out / "export" / "gdpr")
    )
    encaisse(env, "--db", str(book), "backup")
    encaisse(env, "--db", str(book), "backup", "--out", str(out / "backups" / "manual.zip"))
    start_window(env, book, log)
    force_a_bug(env, book)

    expected = [
        book,
        Path(str(book) + ".lock"),
        log,
        out / "letters" / DAY / "all.pdf",
        out / "statements" / "releve.pdf",
        out / "agreements" / "echeancier.pdf",
        out / "claims" / "injonction.pdf",
        out / "evidence" / "dossier.pdf",
        out / "export" / "all" / "payments.csv",
        out / "export" / "gdpr" / "clients.csv",
        out / "backups" / "manual.zip",
    ]
    missing = [str(p) for p in expected if not p.exists()]
    assert missing == [], "the run did not write what it should have"
    assert "forced by test_permissions" in log.read_text(encoding="utf-8")
    assert any((book.parent / "backups").glob("*.zip"))

    offenders: list[str] = []
    files = 0
    for path in sorted(root.rglob("*")):
        mode = stat.S_IMODE(path.lstat().st_mode)
        if path.is_symlink():
            continue
        if path.is_dir():
            if path not in ours and mode != 0o700:
                offenders.append(f"{oct(mode)} {path.relative_to(root)}/")
            continue
        files += 1
        stored = (
            path.parent.parent.name == "objects"  # <book>.documents/objects/ab/abcd…
            and path.parent.parent.parent.name.endswith(".documents")
        )
        allowed = (0o600, 0o400) if stored else (0o600,)
        if mode not in allowed:
            offenders.append(f"{oct(mode)} {path.relative_to(root)}")
    assert files > 500  # the letters, 900+ exported documents, the store…
    assert offenders == [], "not owner-only:\n" + "\n".join(offenders)


def dunning_client_id(code: str) -> int:
    from services.ledger.clients import get_client_by_code

    return get_client_by_code(code).id


def test_main_runs_owner_only_and_gives_the_umask_back(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """main() holds umask 077 while a command (or the window) runs, and restores the caller's
    umask after (the tests call main() in this process)."""
    import cli
    import main

    def current_umask() -> int:
        mask = os.umask(0o022)
        os.umask(mask)
        return mask

    seen: list[int] = []

    def command(*_args: object) -> int:
        seen.append(current_umask())
        return 0

    monkeypatch.setattr(cli, "run", command)
    previous = os.umask(0o002)
    try:
        assert main.main(["--db", str(tmp_path / "book.db"), "clients"]) == 0
        assert current_umask() == 0o002
    finally:
        os.umask(previous)
    assert seen == [0o077]
