"""The Sync section: where HQ stands, what waits to be delivered, and the three ways to deliver.

Delivery counts only when HQ's signed receipt comes back (DESIGN §8), so
the page always shows the last receipt and what is still pending rather than
"sent". Sending over the network, writing packages for a USB stick and
importing receipts carried back all run in workers; a progress bar follows
uploads. Automatic sending (auto.py) runs while the page exists, unless the
adviser chose manual-only sending (some networks should never see HQ traffic).
"""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QCoreApplication, QObject, Qt, Signal
from PySide6.QtGui import QFontDatabase
from PySide6.QtWidgets import (
    QCheckBox,
    QFileDialog,
    QFormLayout,
    QFrame,
    QHBoxLayout,
    QLabel,
    QProgressBar,
    QVBoxLayout,
    QWidget,
)

from hradvisor.store import Vault
from hradvisor.sync import actions
from hradvisor.sync.outbox import SyncStatus
from hradvisor.sync.push import PushResult
from hradvisor.ui.sync.auto import AutoSender, Outcome
from hradvisor.ui.sync.enroll import EnrollDialog
from hradvisor.ui.widgets import button, label
from hradvisor.ui.workers import run_in_background, user_message

translate = QCoreApplication.translate  # lupdate finds translate("Context", "text")


class _Progress(QObject):
    """Carries upload progress from the worker thread to the GUI thread (queued signals)."""

    total = Signal(int)
    advanced = Signal(int)


class SyncPage(QWidget):
    """Emits ``pending_changed(int)`` (packages or changes awaiting HQ) and ``summary(str)``."""

    pending_changed = Signal(int)
    summary = Signal(str)

    def __init__(
        self,
        vault: Vault,
        *,
        automatic: bool = True,
        auto_sender: AutoSender | None = None,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self._vault: Vault | None = vault
        self._status: SyncStatus | None = None
        self._working = False
        layout = QVBoxLayout(self)
        layout.setContentsMargins(24, 20, 24, 20)
        layout.setSpacing(12)
        layout.addWidget(label(translate("SyncPage", "Sync with headquarters"), "title"))
        layout.addWidget(self._hq_card())
        layout.addWidget(self._outbox_card())
        self.message = label("", "muted")
        self.message.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        layout.addWidget(self.message)
        layout.addStretch(1)
        self.auto = auto_sender or AutoSender(vault, parent=self)
        self.auto.setParent(self)
        self.auto.finished.connect(self._auto_finished)
        self.automatic.setChecked(automatic)
        self.automatic.toggled.connect(self.set_automatic)
        self.set_automatic(automatic)
        self.refresh()

    # -- layout ----------------------------------------------------------------
    def _card(self, heading: str) -> tuple[QFrame, QVBoxLayout]:
        card = QFrame()
        card.setProperty("role", "card")
        inner = QVBoxLayout(card)
        inner.setContentsMargins(16, 12, 16, 12)
        inner.addWidget(label(heading, "heading"))
        return card, inner

    def _value(self, name: str, *, mono: bool = False) -> QLabel:
        value = QLabel("…")
        value.setAccessibleName(name)
        value.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        value.setWordWrap(True)
        if mono:
            value.setFont(QFontDatabase.systemFont(QFontDatabase.SystemFont.FixedFont))
        return value

    def _hq_card(self) -> QFrame:
        card, inner = self._card(translate("SyncPage", "Headquarters"))
        form = QFormLayout()
        self.hq_fingerprint = self._value(translate("SyncPage", "HQ fingerprint"), mono=True)
        self.hq_address = self._value(translate("SyncPage", "HQ address"))
        self.device_fingerprint = self._value(
            translate("SyncPage", "This device's fingerprint"), mono=True
        )
        form.addRow(translate("SyncPage", "HQ fingerprint"), self.hq_fingerprint)
        form.addRow(translate("SyncPage", "HQ address"), self.hq_address)
        form.addRow(translate("SyncPage", "This device"), self.device_fingerprint)
        inner.addLayout(form)
        row = QHBoxLayout()
        self.enroll_button = button(
            translate("SyncPage", "Enrol with HQ…"),
            translate("SyncPage", "Enrol this vault with headquarters"),
        )
        row.addWidget(self.enroll_button)
        row.addStretch(1)
        inner.addLayout(row)
        self.enroll_button.clicked.connect(self._enroll)
        return card

    def _outbox_card(self) -> QFrame:
        card, inner = self._card(translate("SyncPage", "Delivery"))
        form = QFormLayout()
        self.unpackaged = self._value(translate("SyncPage", "Not yet packaged"))
        self.pending = self._value(translate("SyncPage", "Sent, awaiting HQ's receipt"))
        self.last_receipt = self._value(translate("SyncPage", "Last receipt from HQ"))
        self.delivered = self._value(translate("SyncPage", "Delivered"))
        form.addRow(translate("SyncPage", "Not yet packaged"), self.unpackaged)
        form.addRow(translate("SyncPage", "Awaiting receipt"), self.pending)
        form.addRow(translate("SyncPage", "Last receipt"), self.last_receipt)
        form.addRow(translate("SyncPage", "Delivered"), self.delivered)
        inner.addLayout(form)
        self.progress = QProgressBar()
        self.progress.setAccessibleName(translate("SyncPage", "Upload progress"))
        self.progress.setVisible(False)
        inner.addWidget(self.progress)
        row = QHBoxLayout()
        self.send_button = button(
            translate("SyncPage", "Send now"),
            translate("SyncPage", "Send pending packages to HQ now"),
            "primary",
        )
        self.usb_button = button(
            translate("SyncPage", "Write to USB…"),
            translate("SyncPage", "Write pending packages to a folder or USB stick"),
        )
        self.receipt_button = button(
            translate("SyncPage", "Import receipt…"),
            translate("SyncPage", "Import receipts carried back from HQ"),
        )
        for widget in (self.send_button, self.usb_button, self.receipt_button):
            row.addWidget(widget)
        row.addStretch(1)
        inner.addLayout(row)
        self.automatic = QCheckBox(
            translate("SyncPage", "Send automatically whenever HQ can be reached")
        )
        self.automatic.setAccessibleName(translate("SyncPage", "Send automatically"))
        inner.addWidget(self.automatic)
        inner.addWidget(
            label(
                translate(
                    "SyncPage",
                    "Untick on networks that should never see traffic to HQ; you can always "
                    "send now or write to USB.",
                ),
                "muted",
            )
        )
        self.send_button.clicked.connect(self.send_now)
        self.usb_button.clicked.connect(self._choose_usb_folder)
        self.receipt_button.clicked.connect(self._choose_receipts)
        return card

    # -- status ----------------------------------------------------------------
    def refresh(self) -> None:
        vault = self._vault
        if vault is None:
            return
        run_in_background(lambda: actions.status(vault), self._show_status, self._failed)

    def _show_status(self, status: SyncStatus) -> None:
        if self._vault is None:
            return
        self._status = status
        enrolled = status.hq_fingerprint is not None
        self.hq_fingerprint.setText(
            status.hq_fingerprint or translate("SyncPage", "Not enrolled yet")
        )
        self.hq_address.setText(status.url or translate("SyncPage", "None (packages go by USB)"))
        self.device_fingerprint.setText(status.device_fingerprint)
        counts = status.counts
        waiting = counts["packages_pending"] + (
            1 if counts["revisions_not_packaged"] or counts["attachments_not_packaged"] else 0
        )
        self.unpackaged.setText(
            translate("SyncPage", "{changes} change(s), {files} attachment(s)").format(
                changes=counts["revisions_not_packaged"],
                files=counts["attachments_not_packaged"],
            )
        )
        self.pending.setText(
            translate(
                "SyncPage", "{packages} package(s) sent or written, with {changes} change(s)"
            ).format(packages=counts["packages_pending"], changes=counts["revisions_pending"])
        )
        self.last_receipt.setText(
            translate("SyncPage", "package {n}, {when}").format(
                n=status.last_receipt_sequence, when=status.last_receipt_at
            )
            if status.last_receipt_sequence
            else translate("SyncPage", "none yet")
        )
        self.delivered.setText(
            translate("SyncPage", "{n} change(s) acknowledged by HQ").format(
                n=counts["revisions_delivered"]
            )
        )
        self.enroll_button.setText(
            translate("SyncPage", "Enrol again…")
            if enrolled
            else translate("SyncPage", "Enrol with HQ…")
        )
        self._enable(enrolled)
        self.pending_changed.emit(waiting)
        self.summary.emit(self.summary_text())

    def summary_text(self) -> str:
        """One phrase for the status bar: last delivered, and how much is pending."""
        status = self._status
        if status is None:
            return ""
        if status.hq_fingerprint is None:
            return translate("SyncPage", "not enrolled with HQ")
        last = (
            translate("SyncPage", "last delivered to HQ {when}").format(
                when=(status.last_receipt_at or "")[:16].replace("T", " ")
            )
            if status.last_receipt_at
            else translate("SyncPage", "nothing delivered to HQ yet")
        )
        pending = status.counts["packages_pending"] + (
            1 if status.counts["revisions_not_packaged"] else 0
        )
        return translate("SyncPage", "{last} · {n} pending").format(last=last, n=pending)

    def _enable(self, enrolled: bool) -> None:
        idle = not self._working
        has_url = self._status is not None and bool(self._status.url)
        self.send_button.setEnabled(idle and enrolled and has_url)
        self.send_button.setToolTip(
            ""
            if has_url or not enrolled
            else translate(
                "SyncPage", "No HQ address is known: enrol over the network, or write to USB."
            )
        )
        self.usb_button.setEnabled(idle and enrolled)
        self.receipt_button.setEnabled(idle and enrolled)
        self.enroll_button.setEnabled(idle)

    def _set_working(self, working: bool, text: str = "") -> None:
        self._working = working
        if text:
            self.message.setText(text)
        self._enable(self._status is not None and self._status.hq_fingerprint is not None)

    def _failed(self, exc: BaseException) -> None:
        self._set_working(False)
        self.progress.setVisible(False)
        self.message.setText(user_message(exc))
        self.refresh()

    # -- actions ---------------------------------------------------------------
    def _enroll(self) -> None:
        vault = self._vault
        if vault is None:
            return
        dialog = EnrollDialog(vault, self)
        if dialog.exec():
            self.message.setText(dialog.result_text)
            self.refresh()

    def send_now(self) -> None:
        vault = self._vault
        if vault is None or self._working:
            return
        self.auto.stop()  # one sender at a time
        relay = _Progress(self)
        relay.total.connect(lambda total: self.progress.setRange(0, max(total, 1)))
        relay.advanced.connect(lambda n: self.progress.setValue(self.progress.value() + n))
        self.progress.setValue(0)
        self.progress.setVisible(True)
        self._set_working(True, translate("SyncPage", "Sending to HQ…"))
        run_in_background(
            lambda: actions.send_now(
                vault, progress=relay.advanced.emit, on_total=relay.total.emit
            ),
            self._sent,
            self._send_failed,
        )

    def _sent(self, result: PushResult) -> None:
        self._set_working(False)
        self.progress.setVisible(False)
        if result.delivered:
            self.message.setText(
                translate("SyncPage", "{n} package(s) delivered; HQ's receipts are stored.").format(
                    n=len(result.delivered)
                )
            )
        else:
            self.message.setText(translate("SyncPage", "Nothing to send: HQ has everything."))
        self._restart_auto()
        self.refresh()

    def _send_failed(self, exc: BaseException) -> None:
        self._failed(exc)
        self._restart_auto()

    def _choose_usb_folder(self) -> None:
        folder = QFileDialog.getExistingDirectory(
            self, translate("SyncPage", "Folder or USB stick for the packages")
        )
        if folder:
            self.write_packages(Path(folder))

    def write_packages(self, folder: Path) -> None:
        vault = self._vault
        if vault is None or self._working:
            return
        self._set_working(True, translate("SyncPage", "Writing packages…"))
        run_in_background(
            lambda: actions.write_packages(vault, folder), self._written, self._failed
        )

    def _written(self, paths: list[Path]) -> None:
        self._set_working(False)
        if paths:
            self.message.setText(
                translate(
                    "SyncPage",
                    "{n} encrypted package(s) written to {folder}. Carry them to HQ; they stay "
                    "pending here until HQ's receipts are imported.",
                ).format(n=len(paths), folder=paths[0].parent)
            )
        else:
            self.message.setText(translate("SyncPage", "Nothing to write: HQ has everything."))
        self.refresh()

    def _choose_receipts(self) -> None:
        files, _ = QFileDialog.getOpenFileNames(
            self, translate("SyncPage", "Receipts from HQ"), "", "HQ receipts (*.hrrcpt);;All (*)"
        )
        if files:
            self.import_receipts([Path(f) for f in files])

    def import_receipts(self, paths: list[Path]) -> None:
        vault = self._vault
        if vault is None or self._working:
            return
        self._set_working(True, translate("SyncPage", "Checking receipts…"))
        run_in_background(
            lambda: actions.import_receipts(vault, paths), self._receipts_imported, self._failed
        )

    def _receipts_imported(self, results: list[tuple[object, bool]]) -> None:
        self._set_working(False)
        new = sum(1 for _receipt, fresh in results if fresh)
        self.message.setText(
            translate(
                "SyncPage", "{n} receipt(s) verified; {new} package(s) newly marked delivered."
            ).format(n=len(results), new=new)
        )
        self.refresh()

    # -- automatic sending -------------------------------------------------------
    def set_automatic(self, automatic: bool) -> None:
        if self.automatic.isChecked() != automatic:
            self.automatic.setChecked(automatic)
            return
        if automatic:
            self.auto.start()
        else:
            self.auto.stop()

    def _restart_auto(self) -> None:
        if self.automatic.isChecked() and self._vault is not None:
            self.auto.start()

    def _auto_finished(self, outcome: object) -> None:
        if outcome is Outcome.SENT:
            self.message.setText(translate("SyncPage", "Sent to HQ automatically."))
        self.refresh()

    def forget(self) -> None:
        """On lock: stop sending, drop the vault and every value shown."""
        self.auto.forget()
        self._vault = None
        self._status = None
        for value in (
            self.hq_fingerprint,
            self.hq_address,
            self.device_fingerprint,
            self.unpackaged,
            self.pending,
            self.last_receipt,
            self.delivered,
            self.message,
        ):
            value.clear()
