"""Enrol this vault with HQ: load HQ's bundle, compare its fingerprint, send or save the request.

The fingerprint check is the one moment a person protects every later
package: a look-alike bundle would receive them all. So the fingerprint is
shown large, grouped for reading aloud, and nothing can be sent until the
adviser ticks that it matches what HQ gave them by phone or in person.
"""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QCoreApplication, Qt
from PySide6.QtGui import QFontDatabase
from PySide6.QtWidgets import (
    QCheckBox,
    QDialog,
    QFileDialog,
    QFormLayout,
    QHBoxLayout,
    QLineEdit,
    QVBoxLayout,
    QWidget,
)

from hradvisor.store import Vault
from hradvisor.sync import PublicBundle, actions
from hradvisor.ui.widgets import button, label
from hradvisor.ui.workers import run_in_background, user_message

translate = QCoreApplication.translate  # lupdate finds translate("Context", "text")


class EnrollDialog(QDialog):
    """Accepted once the request was sent to HQ or written to a file."""

    def __init__(self, vault: Vault, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._vault = vault
        self._bundle: PublicBundle | None = None
        self._ca_pem: str | None = None
        self.result_text = ""
        self.setWindowTitle(translate("EnrollDialog", "Enrol with headquarters"))
        self.setMinimumWidth(560)
        layout = QVBoxLayout(self)
        layout.addWidget(
            label(
                translate(
                    "EnrollDialog",
                    "HQ gives you its public bundle (a small file) and, separately, its "
                    "fingerprint by phone or in person. Load the file, then compare.",
                ),
                "muted",
            )
        )
        row = QHBoxLayout()
        self.bundle_button = button(
            translate("EnrollDialog", "Load HQ bundle…"),
            translate("EnrollDialog", "Load the HQ public bundle file"),
        )
        self.bundle_name = label("", "muted")
        row.addWidget(self.bundle_button)
        row.addWidget(self.bundle_name, 1)
        layout.addLayout(row)
        self.fingerprint = label("")
        mono = QFontDatabase.systemFont(QFontDatabase.SystemFont.FixedFont)
        mono.setPointSizeF(mono.pointSizeF() * 1.4)
        self.fingerprint.setFont(mono)
        self.fingerprint.setAccessibleName(translate("EnrollDialog", "HQ fingerprint"))
        self.fingerprint.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        layout.addWidget(self.fingerprint)
        self.matches = QCheckBox(
            translate("EnrollDialog", "This fingerprint matches exactly the one HQ gave me")
        )
        self.matches.setEnabled(False)
        layout.addWidget(self.matches)
        form = QFormLayout()
        self.device_label = QLineEdit(translate("EnrollDialog", "field laptop"))
        self.device_label.setAccessibleName(
            translate("EnrollDialog", "How HQ will see this device")
        )
        self.url = QLineEdit()
        self.url.setPlaceholderText("https://hq.example.org")
        self.url.setAccessibleName(translate("EnrollDialog", "HQ address"))
        ca_row = QHBoxLayout()
        self.ca_button = button(
            translate("EnrollDialog", "HQ certificate authority…"),
            translate("EnrollDialog", "Load the certificate authority HQ's TLS chains to"),
        )
        self.ca_name = label(translate("EnrollDialog", "system default"), "muted")
        ca_row.addWidget(self.ca_button)
        ca_row.addWidget(self.ca_name, 1)
        form.addRow(translate("EnrollDialog", "Device name"), self.device_label)
        form.addRow(translate("EnrollDialog", "HQ address"), self.url)
        form.addRow(translate("EnrollDialog", "TLS"), ca_row)
        layout.addLayout(form)
        self.message = label("", "error")
        layout.addWidget(self.message)
        buttons = QHBoxLayout()
        buttons.addStretch(1)
        self.save_button = button(
            translate("EnrollDialog", "Save request for USB…"),
            translate("EnrollDialog", "Save the enrollment request to a file"),
        )
        self.send_button = button(
            translate("EnrollDialog", "Send to HQ"),
            translate("EnrollDialog", "Send the enrollment request to HQ"),
            "primary",
        )
        self.cancel_button = button(
            translate("EnrollDialog", "Cancel"), translate("EnrollDialog", "Cancel")
        )
        for widget in (self.cancel_button, self.save_button, self.send_button):
            buttons.addWidget(widget)
        layout.addLayout(buttons)
        self.bundle_button.clicked.connect(self._choose_bundle)
        self.ca_button.clicked.connect(self._choose_ca)
        self.matches.toggled.connect(self._update_buttons)
        self.url.textChanged.connect(self._update_buttons)
        self.send_button.clicked.connect(self._send)
        self.save_button.clicked.connect(self._save)
        self.cancel_button.clicked.connect(self.reject)
        self._update_buttons()

    # -- choosing files ------------------------------------------------------
    def _choose_bundle(self) -> None:
        path, _ = QFileDialog.getOpenFileName(
            self, translate("EnrollDialog", "HQ public bundle"), "", "HQ bundle (*.hrpub);;All (*)"
        )
        if path:
            self.load_bundle(Path(path))

    def load_bundle(self, path: Path) -> None:
        self.matches.setChecked(False)
        run_in_background(
            lambda: actions.read_bundle(path),
            lambda bundle: self._bundle_loaded(path, bundle),
            self._failed,
        )

    def _bundle_loaded(self, path: Path, bundle: PublicBundle) -> None:
        self._bundle = bundle
        self.bundle_name.setText(path.name)
        self.fingerprint.setText(bundle.fingerprint)
        self.matches.setEnabled(True)
        self.message.clear()
        self._update_buttons()

    def _choose_ca(self) -> None:
        path, _ = QFileDialog.getOpenFileName(
            self,
            translate("EnrollDialog", "Certificate authority"),
            "",
            "PEM (*.pem *.crt);;All (*)",
        )
        if path:
            self.load_ca(Path(path))

    def load_ca(self, path: Path) -> None:
        run_in_background(
            lambda: actions.read_ca(path), lambda pem: self._ca_loaded(path, pem), self._failed
        )

    def _ca_loaded(self, path: Path, pem: str) -> None:
        self._ca_pem = pem
        self.ca_name.setText(path.name)

    # -- sending or saving ---------------------------------------------------
    def _update_buttons(self) -> None:
        ready = self._bundle is not None and self.matches.isChecked()
        self.save_button.setEnabled(ready)
        self.send_button.setEnabled(ready and self.url.text().strip().startswith("https://"))

    def _send(self) -> None:
        self._enroll(url=self.url.text().strip(), out=None)

    def _save(self) -> None:
        path, _ = QFileDialog.getSaveFileName(
            self,
            translate("EnrollDialog", "Save enrollment request"),
            "enrollment.hrreq",
            "Enrollment request (*.hrreq)",
        )
        if path:
            self.save_request(Path(path))

    def save_request(self, path: Path) -> None:
        self._enroll(url=None, out=path)

    def _enroll(self, *, url: str | None, out: Path | None) -> None:
        bundle, vault, ca_pem = self._bundle, self._vault, self._ca_pem
        if bundle is None or not self.matches.isChecked():
            return
        name = self.device_label.text().strip() or "field laptop"
        self._busy(True)
        run_in_background(
            lambda: actions.enroll(vault, bundle, label=name, url=url, ca_pem=ca_pem, out=out),
            self._enrolled,
            self._failed,
        )

    def _busy(self, busy: bool) -> None:
        for widget in (self.send_button, self.save_button, self.bundle_button, self.cancel_button):
            widget.setEnabled(not busy)
        if busy:
            self.message.setText(translate("EnrollDialog", "Working…"))
        else:
            self._update_buttons()

    def _enrolled(self, enrolled: actions.Enrolled) -> None:
        where = (
            translate("EnrollDialog", "The request was saved to {file}: carry it to HQ.").format(
                file=enrolled.request_file
            )
            if enrolled.request_file
            else translate("EnrollDialog", "The request was sent to HQ.")
        )
        self.result_text = " ".join(
            [
                where,
                translate(
                    "EnrollDialog",
                    "HQ approves this device after checking its fingerprint with you: {fp}",
                ).format(fp=enrolled.device_fingerprint),
            ]
        )
        self.accept()

    def _failed(self, exc: BaseException) -> None:
        self._busy(False)
        self.cancel_button.setEnabled(True)
        self.bundle_button.setEnabled(True)
        self.message.setText(user_message(exc))
