"""Architecture guards: the layering contracts and the money rule.

- import-linter checks the contracts declared in pyproject.toml
  (ui > services > models; no Qt below ui; no SQLAlchemy/Alembic in ui).
- Money is Decimal end to end: no ``float(`` in models/ or services/, and no
  QDoubleSpinBox (a float editor) in ui/.
"""

from __future__ import annotations

import io
import os
import shutil
import subprocess
import sys
import tokenize
from collections.abc import Iterator
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent


def _lint_imports_command() -> list[str]:
    """The venv's lint-imports script, or the same entry point through this interpreter."""
    bin_dir = Path(sys.executable).parent
    for name in ("lint-imports", "lint-imports.exe"):
        script = bin_dir / name
        if script.is_file():
            return [str(script)]
    found = shutil.which("lint-imports")
    if found:
        return [found]
    return [
        sys.executable,
        "-c",
        "import sys; from importlinter.cli import lint_imports_command; "
        "sys.exit(lint_imports_command())",
    ]


def test_import_contracts_hold() -> None:
    env = dict(os.environ)
    env["PYTHONPATH"] = os.pathsep.join(filter(None, [str(ROOT), env.get("PYTHONPATH")]))
    config = str(ROOT / "pyproject.toml")
    result = subprocess.run(
        [*_lint_imports_command(), "--no-cache", "--no-logo", "--config", config],
        cwd=ROOT,
        env=env,
        capture_output=True,
        text=True,
        timeout=300,
    )
    if result.returncode != 0:
        print(result.stdout)
        print(result.stderr, file=sys.stderr)
    assert result.returncode == 0, "import-linter found broken contracts (its report is above)"


def _python_files(*folders: str) -> Iterator[Path]:
    for folder in folders:
        base = ROOT / folder
        if base.is_dir():
            yield from sorted(p for p in base.rglob("*.py") if "__pycache__" not in p.parts)


def _code_tokens(path: Path) -> list[tokenize.TokenInfo]:
    """Tokens of the file, without comments (strings are kept as single STRING tokens)."""
    source = path.read_text(encoding="utf-8")
    tokens = tokenize.generate_tokens(io.StringIO(source).readline)
    return [t for t in tokens if t.type not in (tokenize.COMMENT, tokenize.NL)]


def _where(path: Path, token: tokenize.TokenInfo) -> str:
    return f"{path.relative_to(ROOT).as_posix()}:{token.start[0]}: {token.line.strip()}"


def test_money_is_never_a_float() -> None:
    offences: list[str] = []
    for path in _python_files("models", "services"):
        tokens = _code_tokens(path)
        for token, following in zip(tokens, tokens[1:]):
            if token.type == tokenize.NAME and token.string == "float" and following.string == "(":
                offences.append(_where(path, token))
    for path in _python_files("ui"):
        for token in _code_tokens(path):
            if token.type == tokenize.NAME and token.string == "QDoubleSpinBox":
                offences.append(_where(path, token))
    assert not offences, (
        "Money must stay Decimal (style rules 9-10): no float() in models/services, "
        "no QDoubleSpinBox in ui:\n" + "\n".join(offences)
    )


def test_schema_revision_constant_matches_the_alembic_head(tmp_path):
    """services.db skips loading Alembic when a book is at models.SCHEMA_REVISION;
    that constant must name the newest migration."""
    from models import SCHEMA_REVISION
    from services.db import Database

    database = Database(f"sqlite:///{tmp_path / 'head.db'}")
    try:
        assert database.head_revision() == SCHEMA_REVISION
    finally:
        database.dispose()
