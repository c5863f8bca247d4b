"""The French translation is complete, consistent with the code, and compiled.

* every message of ``resources/i18n/encaisse_fr.ts`` is finished, with the same
  ``{placeholders}``, ``%n``, HTML tags and menu accelerator as its source;
* every string the code marks for translation (``main.py``, ``ui/``, ``services/``, ``cli/``)
  has a French translation in the committed ``.ts`` (checked with ``pyside6-lupdate``);
* the committed ``encaisse_fr.qm`` is what ``pyside6-lrelease`` makes of the ``.ts``;
* widgets in ``ui/`` never receive a user-visible literal without ``tr()``.
"""

from __future__ import annotations

import ast
import os
import re
import shutil
import subprocess
import sys
import xml.etree.ElementTree as ET
from collections import Counter
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]
I18N = ROOT / "resources" / "i18n"
TS_FR = I18N / "encaisse_fr.ts"
QM_FR = I18N / "encaisse_fr.qm"
NBSP = "\u00a0"

PLACEHOLDER = re.compile(r"\{[^{}]*\}")
PERCENT = re.compile(r"%(?:n|L?\d+)")
HTML_TAG = re.compile(r"</?[A-Za-z][^<>]*>")
ACCELERATOR = re.compile(r"&(?!&)(?=\S)")


# -- reading the .ts ------------------------------------------------------------------


@dataclass(frozen=True)
class Message:
    context: str
    source: str
    numerus: bool
    kind: str  # the <translation type="…"> attribute ("" when finished)
    forms: tuple[str, ...]  # the translation, or its numerus forms
    where: str

    def __str__(self) -> str:
        return f"[{self.context}] {self.source!r} ({self.where})"


def read_ts(path: Path) -> list[Message]:
    messages = []
    for context in ET.parse(path).getroot().iter("context"):
        name = context.findtext("name", "")
        filename = "?"
        for message in context.iter("message"):
            location = message.find("location")
            if location is not None and location.get("filename"):
                filename = location.get("filename", "?")
            translation = message.find("translation")
            numerus = message.get("numerus") == "yes"
            if translation is None:
                kind, forms = "missing", ()
            elif numerus:
                kind = translation.get("type", "")
                forms = tuple(f.text or "" for f in translation.iter("numerusform"))
            else:
                kind, forms = translation.get("type", ""), (translation.text or "",)
            messages.append(
                Message(
                    name,
                    message.findtext("source", ""),
                    numerus,
                    kind,
                    forms,
                    filename.replace("../../", ""),
                )
            )
    return messages


FRENCH = read_ts(TS_FR)


def test_the_french_file_has_messages() -> None:
    assert len(FRENCH) > 100
    assert ET.parse(TS_FR).getroot().get("language", "").startswith("fr")


def test_every_message_has_a_finished_translation() -> None:
    bad = []
    for m in FRENCH:
        if m.kind in ("unfinished", "missing"):
            bad.append(f"{m}: unfinished")
        elif m.kind in ("obsolete", "vanished"):
            continue  # kept by lupdate without -no-obsolete; never shown
        elif m.numerus and len(m.forms) != 2:
            bad.append(f"{m}: French needs 2 plural forms, found {len(m.forms)}")
        elif not all(form.strip() for form in m.forms):
            bad.append(f"{m}: empty translation")
    assert not bad, "Untranslated messages in encaisse_fr.ts:\n" + "\n".join(bad)


def test_the_english_plural_forms_are_finished() -> None:
    """English needs only its plurals ("1 action", "3 actions"); an unfinished one would
    show the source's "3 action(s)"."""
    bad = [
        f"{m}: unfinished"
        for m in read_ts(I18N / "encaisse_en.ts")
        if m.numerus
        and (m.kind in ("unfinished", "missing") or not all(f.strip() for f in m.forms))
    ]
    assert not bad, "Unfinished plural forms in encaisse_en.ts:\n" + "\n".join(bad)


def _tokens(pattern: re.Pattern[str], text: str) -> Counter[str]:
    return Counter(pattern.findall(text))


def test_translations_keep_placeholders_tags_and_accelerators() -> None:
    bad = []
    for m in FRENCH:
        if m.kind in ("obsolete", "vanished"):
            continue
        for form in m.forms:
            for what, pattern in (
                ("{placeholders}", PLACEHOLDER),
                ("%n / %1", PERCENT),
                ("HTML tags", HTML_TAG),
            ):
                if _tokens(pattern, form) != _tokens(pattern, m.source):
                    bad.append(f"{m}: {what} differ in {form!r}")
            if len(ACCELERATOR.findall(m.source)) != len(ACCELERATOR.findall(form)):
                bad.append(f"{m}: the '&' accelerator is lost or doubled in {form!r}")
            if m.numerus and "%n" not in form:
                bad.append(f"{m}: plural form without %n: {form!r}")
    assert not bad, "\n".join(bad)


def test_french_typography() -> None:
    """A no-break space (not a plain space) before : ; ? ! and inside « guillemets »."""
    bad = []
    for m in FRENCH:
        for form in m.forms:
            plain = re.search(r" [:;?!]|« | »|«(?!\u00a0)|(?<!\u00a0)»", form)
            if plain:
                bad.append(f"{m}: {form!r} (at {plain.group()!r})")
    assert not bad, "Use U+00A0 before : ; ? ! and inside « »:\n" + "\n".join(bad)


# -- the code against the .ts ------------------------------------------------------------


def qt_tool(name: str) -> Path | None:
    """``pyside6-<name>`` installed with this interpreter, or PySide6's own copy."""
    suffixes = (".exe", "") if os.name == "nt" else ("",)
    for folder in (Path(sys.executable).parent, Path(sys.executable).parent / "Scripts"):
        for suffix in suffixes:
            candidate = folder / f"pyside6-{name}{suffix}"
            if candidate.is_file():
                return candidate
    found = shutil.which(f"pyside6-{name}")
    if found:
        return Path(found)
    try:
        import PySide6
    except ImportError:
        return None
    for suffix in suffixes:
        candidate = Path(PySide6.__file__).parent / f"{name}{suffix}"
        if candidate.is_file():
            return candidate
    return None


def need_tool(name: str) -> Path:
    tool = qt_tool(name)
    if tool is None:
        pytest.skip(
            f"pyside6-{name} not found next to {sys.executable} nor in PySide6: "
            "install the PySide6 tools (pip install -r requirements-dev.txt)"
        )
    return tool


def python_sources() -> list[Path]:
    files = [ROOT / "main.py"]
    for folder in ("ui", "services", "cli"):
        files += sorted(p for p in (ROOT / folder).rglob("*.py") if "__pycache__" not in p.parts)
    return files


def test_every_string_in_the_code_has_a_french_translation(tmp_path: Path) -> None:
    lupdate = need_tool("lupdate")
    ts = tmp_path / "encaisse_fr.ts"
    shutil.copyfile(TS_FR, ts)
    sources = [str(p.relative_to(ROOT)) for p in python_sources()]
    result = subprocess.run(
        [str(lupdate), *sources, "-ts", str(ts), "-no-obsolete", "-locations", "relative"],
        cwd=ROOT,
        capture_output=True,
        text=True,
        timeout=300,
    )
    assert result.returncode == 0, result.stdout + result.stderr
    updated = read_ts(ts)
    assert len(updated) > 100, result.stdout + result.stderr
    missing = [
        f"  {m}"
        for m in updated
        if m.kind in ("unfinished", "missing") or not all(f.strip() for f in m.forms)
    ]
    assert not missing, (
        f"{len(missing)} string(s) in the code have no French translation; run `make lupdate`, "
        "translate them in resources/i18n/encaisse_fr.ts, then `make translations`:\n"
        + "\n".join(missing)
    )


def _call_name(func: ast.expr) -> str:
    if isinstance(func, ast.Name):
        return func.id
    if isinstance(func, ast.Attribute):
        return func.attr
    return ""


def test_translation_markers_use_literal_texts() -> None:
    """lupdate only extracts literals: ``QT_TRANSLATE_NOOP(MESSAGES, …)`` or ``tr(text)``
    with a variable is silently left out of the .ts (and shows in English)."""
    bad = []
    for path in python_sources():
        tree = ast.parse(path.read_text(encoding="utf-8"), str(path))
        for node in ast.walk(tree):
            if not isinstance(node, ast.Call):
                continue
            name = _call_name(node.func)
            if name == "QT_TRANSLATE_NOOP":
                wanted = node.args[:2]
            elif name == "tr" and isinstance(node.func, ast.Attribute):
                wanted = node.args[:1]
            else:
                continue
            if len(wanted) < (2 if name == "QT_TRANSLATE_NOOP" else 1) or not all(
                isinstance(a, ast.Constant) and isinstance(a.value, str) for a in wanted
            ):
                bad.append(f"{path.relative_to(ROOT)}:{node.lineno}: {ast.unparse(node)[:90]}")
    assert not bad, (
        "Pass string literals (context and text) to tr()/QT_TRANSLATE_NOOP:\n" + "\n".join(bad)
    )


def test_counts_go_through_self_tr() -> None:
    """``QCoreApplication.translate(context, text, "", n)`` loses its plural forms in
    pyside6-lupdate 6.11 (and the whole message when ``n`` is a call): texts with a count
    use ``self.tr(text, "", n)``, in a widget or in ``ui.labels.Plurals``."""
    bad = []
    for path in python_sources():
        tree = ast.parse(path.read_text(encoding="utf-8"), str(path))
        for node in ast.walk(tree):
            if (
                isinstance(node, ast.Call)
                and _call_name(node.func) == "translate"
                and len(node.args) + len(node.keywords) >= 4
            ):
                bad.append(f"{path.relative_to(ROOT)}:{node.lineno}: {ast.unparse(node)[:90]}")
    assert not bad, "Use self.tr(text, '', n) for texts with a count:\n" + "\n".join(bad)


def test_translate_is_never_aliased() -> None:
    """``tr = QCoreApplication.translate`` then ``tr("Context", "text")`` reads to lupdate as
    ``self.tr`` with the context as the text: the real text is never extracted."""
    bad = []
    for path in python_sources():
        tree = ast.parse(path.read_text(encoding="utf-8"), str(path))
        for node in ast.walk(tree):
            if (
                isinstance(node, ast.Assign)
                and isinstance(node.value, ast.Attribute)
                and node.value.attr == "translate"
            ):
                bad.append(f"{path.relative_to(ROOT)}:{node.lineno}: {ast.unparse(node)[:90]}")
    assert not bad, "Call QCoreApplication.translate(...) by its full name:\n" + "\n".join(bad)


def test_plural_texts_are_translated_at_run_time(qtbot) -> None:  # type: ignore[no-untyped-def]
    from PySide6.QtWidgets import QApplication

    from ui import i18n
    from ui.labels import PLURALS

    app = QApplication.instance()
    try:
        i18n.install(app, "fr")  # type: ignore[arg-type]
        assert (PLURALS.invoices(1), PLURALS.invoices(3)) == ("1 facture", "3 factures")
        assert PLURALS.proofs_missing(2) == "✘ 2 manquantes"
        i18n.install(app, "en")  # type: ignore[arg-type]
        assert (PLURALS.documents(1), PLURALS.documents(4)) == ("1 document", "4 documents")
    finally:
        i18n.install(app, "en")  # type: ignore[arg-type]


# -- the compiled .qm ------------------------------------------------------------------------


def _translations(qm: Path) -> dict[tuple[str, str, int], str]:
    from PySide6.QtCore import QTranslator

    translator = QTranslator()
    assert translator.load(str(qm)), f"cannot load {qm}"
    out = {}
    for m in FRENCH:
        for n in (1, 2) if m.numerus else (-1,):
            out[(m.context, m.source, n)] = translator.translate(m.context, m.source, None, n)
    return out


def test_committed_qm_is_up_to_date(tmp_path: Path) -> None:
    lrelease = need_tool("lrelease")
    assert QM_FR.is_file(), "resources/i18n/encaisse_fr.qm is missing: run `make translations`"
    fresh = tmp_path / "encaisse_fr.qm"
    result = subprocess.run(
        [str(lrelease), "-silent", str(TS_FR), "-qm", str(fresh)],
        capture_output=True,
        text=True,
        timeout=120,
    )
    assert result.returncode == 0 and fresh.is_file(), result.stdout + result.stderr
    if fresh.read_bytes() == QM_FR.read_bytes():
        return
    # Not byte-identical (another lrelease version?): compare what they translate.
    committed, expected = _translations(QM_FR), _translations(fresh)
    stale = [
        f"  [{c}] {s!r}: {committed[(c, s, n)]!r} instead of {want!r}"
        for (c, s, n), want in expected.items()
        if committed[(c, s, n)] != want
    ]
    assert not stale, (
        "encaisse_fr.qm is older than encaisse_fr.ts; run `make translations`:\n" + "\n".join(stale)
    )


def test_qm_translates_the_main_window() -> None:
    from PySide6.QtCore import QTranslator

    translator = QTranslator()
    assert translator.load(str(QM_FR))
    assert translator.translate("MainWindow", "Invoices") == "Factures"
    assert translator.translate("MainWindow", "Clients") == "Clients"
    assert (
        translator.translate("WelcomePage", "Explore with demo data")
        == "Découvrir avec des données de démonstration"
    )
    # QTranslator returns the form (QCoreApplication.translate fills %n); French: 0 is singular
    assert translator.translate("ClientsPage", "%n client(s)", None, 0) == "%n client"
    assert translator.translate("ClientsPage", "%n client(s)", None, 2) == "%n clients"


@pytest.mark.gui
def test_french_menus_have_unique_accelerators(qtbot, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    from PySide6.QtWidgets import QApplication, QMenu

    from services.core import db
    from ui import i18n
    from ui.main_window import MainWindow

    app = QApplication.instance()
    try:
        i18n.install(app, "fr")  # type: ignore[arg-type]
        db.open_database(tmp_path / "fr.db")
        win = MainWindow(str(tmp_path / "fr.db"))
        qtbot.addWidget(win)

        def keys(actions: list) -> list[str]:  # type: ignore[type-arg]
            found = []
            for action in actions:
                match = ACCELERATOR.search(action.text())
                if match:
                    found.append(action.text()[match.end()].lower())
            return found

        bad = []
        menus: list[tuple[str, list]] = [("menu bar", win.menuBar().actions())]  # type: ignore[type-arg]
        while menus:
            where, actions = menus.pop()
            letters = keys(actions)
            duplicated = sorted({k for k in letters if letters.count(k) > 1})
            if duplicated:
                bad.append(f"{where}: {[a.text() for a in actions]} share {duplicated}")
            for action in actions:
                if isinstance(action.menu(), QMenu):
                    menus.append((action.text(), action.menu().actions()))
        win.close()
        assert not bad, "\n".join(bad)
    finally:
        i18n.install(app, "en")  # type: ignore[arg-type]
        db.close()


# -- literals given to widgets without tr() ----------------------------------------------------

#: callee -> indexes of the positional arguments that are shown to the user.
SHOWN: dict[str, tuple[int, ...]] = {
    "QLabel": (0,),
    "QPushButton": (0,),
    "QCheckBox": (0,),
    "QRadioButton": (0,),
    "QToolButton": (0,),
    "QGroupBox": (0,),
    "QCommandLinkButton": (0, 1),
    "QAction": (0,),
    "QListWidgetItem": (0,),
    "QTreeWidgetItem": (0,),
    "setText": (0,),
    "setWindowTitle": (0,),
    "setPlaceholderText": (0,),
    "setToolTip": (0,),
    "setStatusTip": (0,),
    "setWhatsThis": (0,),
    "setTitle": (0,),
    "setLabelText": (0,),
    "setInformativeText": (0,),
    "setDetailedText": (0,),
    "showMessage": (0,),
    "addItem": (0,),
    "addItems": (0,),
    "insertItem": (1,),
    "setItemText": (1,),
    "addMenu": (0,),
    "addAction": (0,),
    "addTab": (1,),
    "setTabText": (1,),
    "insertTab": (2,),
    "addRow": (0,),
    "addButton": (0,),
    "setHeaderLabels": (0,),
    "setHorizontalHeaderLabels": (0,),
    "setVerticalHeaderLabels": (0,),
}
#: static dialogs: QMessageBox.warning(parent, title, text), QFileDialog.getOpenFileName(…)
STATIC: dict[str, tuple[int, ...]] = {
    "information": (1, 2),
    "warning": (1, 2),
    "critical": (1, 2),
    "question": (1, 2),
    "about": (1, 2),
    "getText": (1, 2),
    "getItem": (1, 2),
    "getInt": (1, 2),
    "getDouble": (1, 2),
    "getMultiLineText": (1, 2),
    "getOpenFileName": (1, 3),
    "getOpenFileNames": (1, 3),
    "getSaveFileName": (1, 3),
    "getExistingDirectory": (1,),
}
DIALOG_CLASSES = {"QMessageBox", "QInputDialog", "QFileDialog"}
SHOWN_KEYWORDS = {"text", "title", "label", "caption", "filter", "toolTip", "windowTitle"}
#: literals that are the same in every language
ALLOWED = {"Français", "English", "EUR", "USD", "GBP", "CHF", "FR", "0,00", "Encaisse"}
DATE_FORMAT = re.compile(r"^[dMyhHmsapAPzt/.:\- ]+$")  # "dd/MM/yyyy", "HH:mm"
STYLE_SHEET = re.compile(r"\{[^{}]*:[^{}]*\}|^\s*[\w-]+\s*:[^;]*;")  # "QLabel { color: … }"
IDENTIFIER_EXAMPLE = re.compile(r"^[A-Z]{2}[\d ]+$")  # "FR00 123456789"


def _visible_literal(text: str) -> bool:
    text = text.strip()
    return bool(
        re.search(r"[^\W\d_]", text)  # has letters
        and text not in ALLOWED
        and not DATE_FORMAT.match(text)
        and not STYLE_SHEET.search(text)
        and not IDENTIFIER_EXAMPLE.match(text)
    )


def _literals(node: ast.expr) -> Iterator[str]:
    """The plain text ``node`` puts on screen without translation."""
    if isinstance(node, ast.Constant) and isinstance(node.value, str):
        yield node.value
    elif isinstance(node, ast.JoinedStr):  # f"…": its literal parts
        yield "".join(
            v.value for v in node.values if isinstance(v, ast.Constant) and isinstance(v.value, str)
        )
    elif isinstance(node, ast.BinOp) and isinstance(node.op, ast.Add):
        yield from _literals(node.left)
        yield from _literals(node.right)
    elif isinstance(node, ast.IfExp):
        yield from _literals(node.body)
        yield from _literals(node.orelse)
    elif isinstance(node, (ast.List, ast.Tuple)):
        for element in node.elts:
            yield from _literals(element)


def untranslated_literals(path: Path) -> Iterator[tuple[int, str, str]]:
    """(line, callee, text) for each user-visible literal given to a widget without tr()."""
    tree = ast.parse(path.read_text(encoding="utf-8"), str(path))
    for node in ast.walk(tree):
        if not isinstance(node, ast.Call):
            continue
        name = _call_name(node.func)
        positions = SHOWN.get(name)
        if (
            name in STATIC
            and isinstance(node.func, ast.Attribute)
            and _call_name(node.func.value) in DIALOG_CLASSES
        ):
            positions = STATIC[name]
        if positions is None:
            continue
        chosen = [node.args[i] for i in positions if i < len(node.args)]
        chosen += [k.value for k in node.keywords if k.arg in SHOWN_KEYWORDS]
        for arg in chosen:
            for text in _literals(arg):
                if _visible_literal(text):
                    yield node.lineno, name, text


def test_ui_passes_no_untranslated_literal_to_widgets() -> None:
    bad = [
        f"{path.relative_to(ROOT)}:{line}: {name}({text!r})"
        for path in sorted((ROOT / "ui").rglob("*.py"))
        for line, name, text in untranslated_literals(path)
    ]
    assert not bad, "Wrap user-visible text in self.tr():\n" + "\n".join(bad)


@pytest.mark.parametrize(
    "code, offending",
    [
        ('QLabel("Total")', True),
        ('QLabel("Client {code}")', True),
        ('QLabel("Balance: {amount}")', True),
        ('QPushButton(text="Save")', True),
        ('QFileDialog.getOpenFileName(self, "Open", "", "CSV files (*.csv)")', True),
        ('w.setText("Hello")', True),
        ('w.setWindowTitle(f"Client {code}")', True),
        ('QMessageBox.warning(self, "Oops", self.tr("x"))', True),
        ('t.setHeaderLabels([self.tr("Date"), "Amount"])', True),
        ('QLabel(self.tr("Total"))', False),
        ('QLabel("")', False),
        ('QLabel("—")', False),
        ('c.addItem("Français", "fr")', False),
        ('c.addItems(["EUR", "USD"])', False),
        ('d.setDisplayFormat("dd/MM/yyyy")', False),
        ('w.setText(f"{name} ({code})")', False),
        ('form.addRow("", box)', False),
        ('log.warning("translation %s not found", qm)', False),
        ('w.setText("QLabel { color: red; }")', False),
    ],
)
def test_literal_scanner(tmp_path: Path, code: str, offending: bool) -> None:
    sample = tmp_path / "sample.py"
    sample.write_text(code + "\n", encoding="utf-8")
    assert bool(list(untranslated_literals(sample))) is offending
