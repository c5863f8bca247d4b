"""First run: what to do with an empty book."""

from __future__ import annotations

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import QFrame, QLabel, QPushButton, QVBoxLayout, QWidget


class WelcomePage(QWidget):
    company_requested = Signal()
    import_requested = Signal()
    demo_requested = Signal()

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        outer = QVBoxLayout(self)
        outer.addStretch(1)
        card = QFrame()
        card.setObjectName("welcomeCard")
        card.setFixedWidth(600)
        card.setStyleSheet(
            "#welcomeCard { background: palette(base); border: 1px solid palette(mid);"
            " border-radius: 10px; }"
        )
        box = QVBoxLayout(card)
        box.setContentsMargins(32, 28, 32, 28)
        box.setSpacing(14)
        title = QLabel(self.tr("Welcome to Encaisse"))
        font = title.font()
        font.setPointSizeF(font.pointSizeF() * 1.8)
        font.setBold(True)
        title.setFont(font)
        box.addWidget(title)
        intro = QLabel(
            self.tr(
                "Encaisse keeps track of who owes you what, "
                "tells you what falls due and what is late, "
                "and helps you get paid. Your book is empty: how would you like to start?"
            )
        )
        intro.setWordWrap(True)
        box.addWidget(intro)
        self.company_button = self._button(
            box,
            self.tr("Enter my company details"),
            self.tr("Name, SIREN, address, bank details and your usual payment terms."),
        )
        self.import_button = self._button(
            box,
            self.tr("Import my invoices (CSV)"),
            self.tr(
                "Clients, invoices and payments from a spreadsheet or your invoicing software."
            ),
        )
        self.demo_button = self._button(
            box,
            self.tr("Explore with demo data"),
            self.tr("A realistic small French business: 30+ clients, 18 months of invoices."),
        )
        self.company_button.clicked.connect(self.company_requested)
        self.import_button.clicked.connect(self.import_requested)
        self.demo_button.clicked.connect(self.demo_requested)
        row = QVBoxLayout()
        row.addWidget(card, 0, Qt.AlignmentFlag.AlignHCenter)
        outer.addLayout(row)
        outer.addStretch(2)

    def _button(self, box: QVBoxLayout, text: str, hint: str) -> QPushButton:
        button = QPushButton(text)
        button.setMinimumHeight(44)
        font = button.font()
        font.setPointSizeF(font.pointSizeF() * 1.15)
        button.setFont(font)
        box.addWidget(button)
        label = QLabel(hint)
        label.setWordWrap(True)
        label.setStyleSheet("color: palette(dark); margin-left: 4px; margin-bottom: 6px;")
        box.addWidget(label)
        return button
