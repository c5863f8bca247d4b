"""Settings ▸ Late charges and letters: the rate tables (ECB, legal interest), the
contractual penalty rate, the consumer mediator, the envelope window."""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import QCoreApplication, Qt
from PySide6.QtWidgets import (
    QCheckBox,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPlainTextEdit,
    QPushButton,
    QSpinBox,
    QTreeWidget,
    QTreeWidgetItem,
    QVBoxLayout,
    QWidget,
)

from services.core import clock, settings
from services.followup import rates
from ui import format as fmt
from ui import i18n
from ui.dialogs.base import FormDialog
from ui.widgets import DateEdit


def _percent(value: object) -> str:
    text = f"{value:.2f}"
    return text.replace(".", ",") if i18n.current_language() == "fr" else text


class ChargesDialog(FormDialog):
    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(
            QCoreApplication.translate("ChargesDialog", "Late charges and letters"),
            parent,
            QCoreApplication.translate("ChargesDialog", "Save"),
        )
        self.resize(720, 760)
        intro = QLabel(
            QCoreApplication.translate(
                "ChargesDialog",
                "Business clients owe penalties at the ECB rate in force on 1 January or 1 July "
                "plus "
                "10 points (L441-10 of the Code de commerce), "
                "consumers the legal interest rate from the formal notice. "
                "Enter each new rate when it is published, with its official reference: "
                "until then the last known rate is used, the amounts are marked provisional "
                "and an alert says which half-year's rates are missing.",
            )
        )
        intro.setWordWrap(True)
        self.form.addRow(intro)
        # ECB rates
        ecb_box = QGroupBox(
            QCoreApplication.translate("ChargesDialog", "ECB main refinancing rate")
        )
        ecb_layout = QVBoxLayout(ecb_box)
        self.ecb = QTreeWidget()
        self.ecb.setRootIsDecorated(False)
        self.ecb.setHeaderLabels(
            [
                QCoreApplication.translate("ChargesDialog", "In force from"),
                QCoreApplication.translate("ChargesDialog", "Rate (%)"),
                QCoreApplication.translate("ChargesDialog", "Source"),
            ]
        )
        self.ecb.setMaximumHeight(150)
        ecb_layout.addWidget(self.ecb)
        self.known = QLabel()
        ecb_layout.addWidget(self.known)
        row = QHBoxLayout()
        self.ecb_from = DateEdit()
        self.ecb_from.set_value(clock.today())
        self.ecb_rate = QLineEdit()
        self.ecb_rate.setPlaceholderText("2,15")
        self.ecb_rate.setMaximumWidth(80)
        self.ecb_reference = QLineEdit()
        self.ecb_reference.setPlaceholderText(
            QCoreApplication.translate(
                "ChargesDialog", "Official reference, e.g. ECB decision of 5 June 2025"
            )
        )
        self.ecb_reference.setToolTip(
            QCoreApplication.translate(
                "ChargesDialog",
                "Required: the ECB decision that set this rate (or kept it unchanged)",
            )
        )
        add = QPushButton(QCoreApplication.translate("ChargesDialog", "Add this rate"))
        add.clicked.connect(self._add_ecb)
        unchanged = QPushButton(
            QCoreApplication.translate("ChargesDialog", "Unchanged up to this date")
        )
        unchanged.clicked.connect(self._confirm_ecb)
        for w in (
            QLabel(QCoreApplication.translate("ChargesDialog", "From")),
            self.ecb_from,
            self.ecb_rate,
            self.ecb_reference,
            add,
            unchanged,
        ):
            row.addWidget(w)
        ecb_layout.addLayout(row)
        self.extra.addWidget(ecb_box)
        # legal rates
        legal_box = QGroupBox(
            QCoreApplication.translate("ChargesDialog", "Legal interest rate, per half-year")
        )
        legal_layout = QVBoxLayout(legal_box)
        self.legal = QTreeWidget()
        self.legal.setRootIsDecorated(False)
        self.legal.setHeaderLabels(
            [
                QCoreApplication.translate("ChargesDialog", "Half-year"),
                QCoreApplication.translate("ChargesDialog", "Creditor acting professionally (%)"),
                QCoreApplication.translate("ChargesDialog", "Private creditor (%)"),
                QCoreApplication.translate("ChargesDialog", "Source"),
            ]
        )
        self.legal.setMaximumHeight(150)
        legal_layout.addWidget(self.legal)
        row = QHBoxLayout()
        self.half = QLineEdit()
        self.half.setPlaceholderText(QCoreApplication.translate("ChargesDialog", "e.g. 2026-H2"))
        self.half.setMaximumWidth(90)
        self.pro = QLineEdit()
        self.pro.setPlaceholderText("2,62")
        self.pro.setMaximumWidth(80)
        self.individual = QLineEdit()
        self.individual.setPlaceholderText("6,67")
        self.individual.setMaximumWidth(80)
        self.legal_reference = QLineEdit()
        self.legal_reference.setPlaceholderText(
            QCoreApplication.translate(
                "ChargesDialog", "Official reference, e.g. arrêté of 15 December 2025"
            )
        )
        self.legal_reference.setToolTip(
            QCoreApplication.translate(
                "ChargesDialog", "Required: the arrêté that set these rates (its date or text)"
            )
        )
        add_legal = QPushButton(QCoreApplication.translate("ChargesDialog", "Add these rates"))
        add_legal.clicked.connect(self._add_legal)
        for w in (self.half, self.pro, self.individual, self.legal_reference, add_legal):
            row.addWidget(w)
        legal_layout.addLayout(row)
        self.extra.addWidget(legal_box)
        # the company's own terms and the letters
        values = settings.read()
        self.contract = QLineEdit(str(values.contractual_rate or "").replace(".", ","))
        self.contract.setPlaceholderText(
            QCoreApplication.translate("ChargesDialog", "empty = ECB rate + 10 points")
        )
        self.extra_form_row(
            QCoreApplication.translate("ChargesDialog", "Penalty rate in your terms of sale (%)"),
            self.contract,
        )
        self.penalties_first = QCheckBox(
            QCoreApplication.translate(
                "ChargesDialog",
                "Apply partial payments first to penalties (C. civ. 1343-1)",
            )
        )
        self.penalties_first.setToolTip(
            QCoreApplication.translate(
                "ChargesDialog",
                "On: a partial payment first pays the penalties accrued to its date, then the "
                "principal, in the letters and the claim. Off: it lowers the principal "
                "(the conservative claim).",
            )
        )
        self.penalties_first.setChecked(values.payments_to_penalties_first)
        self.extra.addWidget(self.penalties_first)
        self.mediator = QPlainTextEdit(values.mediator)
        self.mediator.setFixedHeight(50)
        self.mediator.setPlaceholderText(
            QCoreApplication.translate(
                "ChargesDialog",
                "Name, address and website of your consumer mediator "
                "(printed on consumers' letters)",
            )
        )
        self.extra_form_row(
            QCoreApplication.translate("ChargesDialog", "Consumer mediator"), self.mediator
        )
        # L612-1 and L616-1 C. conso.: consumers must be given the mediator's details
        # (shared/domain.md §3.7); a visible warning while none is set (issue #13, point 8)
        self.mediator_warning = QLabel(
            QCoreApplication.translate(
                "ChargesDialog",
                "No consumer mediator: the law requires giving consumers the details of a "
                "consumer mediator (L612-1 and L616-1 Code de la consommation).",
            )
        )
        self.mediator_warning.setWordWrap(True)
        self.mediator_warning.setStyleSheet("color: #a40000;")
        self.extra.addWidget(self.mediator_warning)
        self.mediator.textChanged.connect(self._show_mediator_warning)
        self._show_mediator_warning()
        self.deadline = QSpinBox()
        self.deadline.setRange(1, 60)
        self.deadline.setSuffix(" " + QCoreApplication.translate("ChargesDialog", "days"))
        self.deadline.setValue(values.deadline_days)
        self.extra_form_row(
            QCoreApplication.translate("ChargesDialog", "Deadline in a formal notice"),
            self.deadline,
        )
        window = values.window
        self.window_fields: dict[str, QSpinBox] = {}
        window_row = QHBoxLayout()
        for key, text in (
            ("x", QCoreApplication.translate("ChargesDialog", "from the left")),
            ("y", QCoreApplication.translate("ChargesDialog", "from the top")),
            ("w", QCoreApplication.translate("ChargesDialog", "width")),
            ("h", QCoreApplication.translate("ChargesDialog", "height")),
        ):
            box = QSpinBox()
            box.setRange(0, 297)
            box.setSuffix(" mm")
            box.setValue(window[key])
            box.setMinimumWidth(88)
            self.window_fields[key] = box
            window_row.addWidget(QLabel(text))
            window_row.addWidget(box)
        window_row.addStretch(1)
        holder = QWidget()
        holder.setLayout(window_row)
        self.extra_form_row(QCoreApplication.translate("ChargesDialog", "Envelope window"), holder)
        self.refresh()

    def _show_mediator_warning(self) -> None:
        self.mediator_warning.setVisible(not self.mediator.toPlainText().strip())

    def extra_form_row(self, text: str, widget: QWidget) -> None:
        row = QHBoxLayout()
        label = QLabel(text)
        label.setMinimumWidth(230)
        row.addWidget(label, 0, Qt.AlignmentFlag.AlignTop)
        row.addWidget(widget, 1)
        self.extra.addLayout(row)

    def refresh(self) -> None:
        tables = rates.tables()
        self.ecb.clear()
        for start, value in reversed(tables.ecb):  # the latest first
            self.ecb.addTopLevelItem(
                QTreeWidgetItem(
                    [fmt.date(start), _percent(value), tables.ecb_sources.get(start, "")]
                )
            )
        self.known.setText(
            QCoreApplication.translate(
                "ChargesDialog", "Known to be unchanged up to {date} ({source})."
            ).format(date=fmt.date(tables.ecb_known_until), source=tables.ecb_known_source)
        )
        self.legal.clear()
        for half, (pro, ind) in sorted(tables.legal.items(), reverse=True):
            self.legal.addTopLevelItem(
                QTreeWidgetItem(
                    [half, _percent(pro), _percent(ind), tables.legal_sources.get(half, "")]
                )
            )
        for tree in (self.ecb, self.legal):
            for column in range(tree.columnCount() - 1):  # the source takes what is left
                tree.resizeColumnToContents(column)

    def _run(self, action: Callable[[], object]) -> None:
        from services.core.errors import AppError
        from ui import i18n

        self.banner.clear_message()
        try:
            action()
        except AppError as exc:
            self.banner.show_error(i18n.message(exc))
            return
        self.refresh()

    def _add_ecb(self) -> None:
        self._run(
            lambda: rates.add_ecb_rate(
                self.ecb_from.value(), self.ecb_rate.text(), self.ecb_reference.text()
            )
        )

    def _confirm_ecb(self) -> None:
        self._run(lambda: rates.confirm_ecb_until(self.ecb_from.value(), self.ecb_reference.text()))

    def _add_legal(self) -> None:
        self._run(
            lambda: rates.add_legal_rate(
                self.half.text(),
                self.pro.text(),
                self.individual.text(),
                self.legal_reference.text(),
            )
        )

    def apply(self) -> bool:
        settings.save(  # one transaction: all or none (issue #11)
            {
                "contractual_rate": self.contract.text(),
                "payments_to_penalties_first": self.penalties_first.isChecked(),
                "mediator": self.mediator.toPlainText(),
                "deadline_days": self.deadline.value(),
                "window": {k: box.value() for k, box in self.window_fields.items()},
            }
        )
        return True
