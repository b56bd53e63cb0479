"""Render the Sync section, not enrolled and enrolled, to docs/screenshots/sync*.png.

Runs offscreen or under xvfb-run on a throw-away vault of fictional data; the
"HQ" is a key pair made on the spot, so no network is involved.
"""

from __future__ import annotations

import datetime as dt
import os
import sys
import tempfile
from pathlib import Path

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

from PySide6.QtCore import QThreadPool  # noqa: E402
from PySide6.QtWidgets import QApplication, QWidget  # noqa: E402

from hradvisor.demo import generate_incidents  # noqa: E402
from hradvisor.store import KdfParams, create_vault, open_vault  # noqa: E402
from hradvisor.sync import actions, generate_identity  # noqa: E402
from hradvisor.ui.sync import SyncPage  # noqa: E402
from hradvisor.ui.sync.enroll import EnrollDialog  # noqa: E402
from hradvisor.ui.theme import apply_theme  # noqa: E402

OUT = Path(__file__).resolve().parent.parent / "docs" / "screenshots"
FAST_KDF = KdfParams(memory_kib=8 * 1024, iterations=1, lanes=1)
PASSPHRASE = "screenshot-only-fictional-passphrase"  # noqa: S105 (a throw-away vault)


def shoot(
    app: QApplication, widget: QWidget, name: str, size: tuple[int, int] = (1000, 640)
) -> None:
    widget.resize(*size)
    widget.show()
    for _ in range(100):
        QThreadPool.globalInstance().waitForDone(50)
        app.processEvents()
    widget.grab().save(str(OUT / f"{name}.png"), "PNG")
    print(f"wrote docs/screenshots/{name}.png")


def main() -> int:
    app = QApplication(sys.argv[:1])
    apply_theme(app)
    OUT.mkdir(parents=True, exist_ok=True)
    with tempfile.TemporaryDirectory() as tmp:
        path = Path(tmp) / "vault"
        create_vault(path, PASSPHRASE, kdf=FAST_KDF)
        with open_vault(path, PASSPHRASE) as vault:
            vault.incidents.add_many(generate_incidents(40, seed=3, until=dt.date(2026, 11, 20)))
            shoot(app, SyncPage(vault, automatic=False), "sync-not-enrolled")
            hq_identity = generate_identity()
            hq = hq_identity.public_bundle()
            bundle_file = Path(tmp) / "hq-bundle.hrpub"
            bundle_file.write_bytes(hq.to_bytes())
            dialog = EnrollDialog(vault)
            dialog.load_bundle(bundle_file)
            dialog.url.setText("https://hq.example.org")
            shoot(app, dialog, "sync-enroll", size=(640, 420))
            dialog.matches.setChecked(True)
            actions.enroll(vault, hq, label="Elsenmoor laptop", out=Path(tmp) / "request.hrreq")
            page = SyncPage(vault, automatic=True)
            page.message.setText(
                "The request was saved to request.hrreq: carry it to HQ. HQ approves this "
                "device after checking its fingerprint with you."
            )
            shoot(app, page, "sync")
            page.forget()
    return 0


if __name__ == "__main__":
    sys.exit(main())
