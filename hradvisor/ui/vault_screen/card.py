"""The centred card both vault screens sit in: calm, one task, nothing else on screen."""

from __future__ import annotations

import qtawesome as qta
from PySide6.QtCore import QSize
from PySide6.QtWidgets import QFrame, QHBoxLayout, QLabel, QVBoxLayout, QWidget

from hradvisor.ui.theme import ACCENT
from hradvisor.ui.widgets import label

CARD_WIDTH = 460


def centred_card(screen: QWidget, icon: str, title: str, subtitle: str) -> QVBoxLayout:
    """Lay out *screen* as a card in the middle; returns the card's layout to fill."""
    card = QFrame(screen)
    card.setProperty("role", "card")
    card.setFixedWidth(CARD_WIDTH)
    inner = QVBoxLayout(card)
    inner.setContentsMargins(32, 32, 32, 32)
    inner.setSpacing(12)
    heading = QHBoxLayout()
    badge = QLabel(card)
    badge.setPixmap(qta.icon(icon, color=ACCENT).pixmap(QSize(32, 32)))
    heading.addWidget(badge)
    heading.addWidget(label(title, "title"), 1)
    inner.addLayout(heading)
    inner.addWidget(label(subtitle, "muted"))
    row = QHBoxLayout()
    row.addStretch(1)
    row.addWidget(card)
    row.addStretch(1)
    outer = QVBoxLayout(screen)
    outer.addStretch(1)
    outer.addLayout(row)
    outer.addStretch(2)
    return inner
