"""Architecture guards: the layering contracts and the money rule.

- import-linter checks the contracts declared in pyproject.toml
  (ui > services > models; no Qt below ui; no SQLAlchemy/Alembic in ui).
- no import cycle anywhere in models/, services/, cli/ and ui/, function-level imports included
  (grimp, the graph import-linter builds on);
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


def _import_cycles(graph) -> list[list[str]]:
    """The strongly connected components of more than one module (Tarjan, iterative)."""
    modules = sorted(graph.modules)
    edges = {
        m: sorted(x for x in graph.find_modules_directly_imported_by(m) if x in graph.modules)
        for m in modules
    }
    index: dict[str, int] = {}
    low: dict[str, int] = {}
    stack: list[str] = []
    on_stack: set[str] = set()
    cycles: list[list[str]] = []
    for root in modules:
        if root in index:
            continue
        work = [(root, 0)]
        while work:
            node, i = work.pop()
            if i == 0:
                index[node] = low[node] = len(index)
                stack.append(node)
                on_stack.add(node)
            recurse = False
            for j in range(i, len(edges[node])):
                nxt = edges[node][j]
                if nxt not in index:
                    work.append((node, j + 1))
                    work.append((nxt, 0))
                    recurse = True
                    break
                if nxt in on_stack:
                    low[node] = min(low[node], index[nxt])
            if recurse:
                continue
            if low[node] == index[node]:
                component = []
                while True:
                    member = stack.pop()
                    on_stack.discard(member)
                    component.append(member)
                    if member == node:
                        break
                if len(component) > 1:
                    cycles.append(sorted(component))
            if work:
                parent = work[-1][0]
                low[parent] = min(low[parent], low[node])
    return cycles


def test_no_import_cycle() -> None:
    """issue #12, point 2: a module never imports, even inside a function, a module that
    imports it back through any chain."""
    import grimp

    sys.path.insert(0, str(ROOT))
    graph = grimp.build_graph(
        "models", "services", "cli", "ui", include_external_packages=False, cache_dir=None
    )
    assert _import_cycles(graph) == []


def test_the_cycle_finder_finds_a_cycle() -> None:
    """The finder itself: a two-module cycle and a three-module cycle are reported."""
    import grimp

    graph = grimp.ImportGraph()
    for name in ("p.a", "p.b", "p.c", "p.d", "p.e"):
        graph.add_module(name)
    graph.add_import(importer="p.a", imported="p.b")
    graph.add_import(importer="p.b", imported="p.a")
    graph.add_import(importer="p.c", imported="p.d")
    graph.add_import(importer="p.d", imported="p.e")
    graph.add_import(importer="p.e", imported="p.c")
    assert sorted(_import_cycles(graph)) == [["p.a", "p.b"], ["p.c", "p.d", "p.e"]]


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
        for token, following in zip(tokens, tokens[1:], strict=False):
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
    """services.core.db skips loading Alembic when a book is at models.SCHEMA_REVISION;
    that constant must name the newest migration."""
    from models import SCHEMA_REVISION
    from services.core.db import Database

    database = Database(f"sqlite:///{tmp_path / 'head.db'}")
    try:
        assert database.head_revision() == SCHEMA_REVISION
    finally:
        database.dispose()
