"""Render the Risk section to docs/screenshots/risk.png and risk-changes.png (1280x800).

Runs offscreen or under xvfb-run, on a throw-away fast-KDF vault holding 3,000
fictional demo incidents and the two demo risk assessments of Arcadia (XA).
"""

from __future__ import annotations

import datetime as dt
import sys
import tempfile
from pathlib import Path

from PySide6.QtCore import QThreadPool
from PySide6.QtWidgets import QApplication

from hradvisor.demo import generate_incidents
from hradvisor.demo_risk import add_demo_assessments
from hradvisor.store import KdfParams, create_vault, open_vault
from hradvisor.ui.risk import RiskPage
from hradvisor.ui.risk.editor import CHANGES_TAB, FACTORS_TAB
from hradvisor.ui.theme import apply_theme

OUT = Path(__file__).resolve().parent.parent / "docs" / "screenshots"
FAST_KDF = KdfParams(memory_kib=8 * 1024, iterations=1, lanes=1)
PASSPHRASE = "screenshot-only-fictional-passphrase"  # noqa: S105 (a throw-away vault)
UNTIL = dt.date(2026, 11, 23)
SIZE = (1280, 800)


def settle(app: QApplication, condition: object = None) -> None:
    """Let workers finish and the event loop paint."""
    for _ in range(400):
        QThreadPool.globalInstance().waitForDone(50)
        app.processEvents()
        if condition is None or condition():  # type: ignore[operator]
            break
    else:
        raise SystemExit("the screen did not reach the expected state")


def save(app: QApplication, page: RiskPage, name: str) -> None:
    settle(app)
    page.grab().save(str(OUT / f"{name}.png"), "PNG")
    print(f"wrote docs/screenshots/{name}.png")


def main() -> int:
    app = QApplication(sys.argv[:1])
    apply_theme(app)
    OUT.mkdir(parents=True, exist_ok=True)
    with tempfile.TemporaryDirectory() as tmp:
        vault_dir = Path(tmp) / "arcadia"
        create_vault(vault_dir, PASSPHRASE, kdf=FAST_KDF)
        with open_vault(vault_dir, PASSPHRASE) as vault:
            vault.incidents.add_many(generate_incidents(3_000, seed=1, until=UNTIL))
            add_demo_assessments(vault, seed=1, until=UNTIL)
        with open_vault(vault_dir, PASSPHRASE) as vault:
            page = RiskPage(vault)
            page.resize(*SIZE)
            page.show()
            settle(app, lambda: page.list.count() == 2)
            page.list.setCurrentRow(0)
            settle(app, lambda: page.editor.head is not None and page.editor.history_list.topLevelItemCount() > 0)
            page.editor.tabs.setCurrentIndex(FACTORS_TAB)
            page.editor.select_factor("capacity")
            save(app, page, "risk")
            page.editor.tabs.setCurrentIndex(CHANGES_TAB)
            settle(app, lambda: page.editor.changes.table.rowCount() == 14)
            save(app, page, "risk-changes")
            page.clear()
            page.close()
            settle(app)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
