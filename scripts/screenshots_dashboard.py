"""Render the Dashboard section to docs/screenshots/dashboard*.png (offscreen or xvfb-run).

A throw-away fast-KDF vault gets a few thousand fictional demo incidents, whose
documented escalation episodes (hradvisor.demo.demo_episodes) should show up
as early-warning signals. The page is shown inside the real main window at
1280x800; ``dashboard-full.png`` is the whole scrolling page, for checking the
parts below the fold.
"""

from __future__ import annotations

import datetime as dt
import os
import sys
import tempfile
from pathlib import Path

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

from PySide6.QtCore import QThreadPool  # noqa: E402
from PySide6.QtWidgets import QApplication  # noqa: E402

from hradvisor.demo import generate_incidents  # noqa: E402
from hradvisor.store import KdfParams, create_vault, open_vault  # noqa: E402
from hradvisor.ui.app import MainWindow  # noqa: E402
from hradvisor.ui.dashboard import DashboardPage  # noqa: E402
from hradvisor.ui.theme import apply_theme  # noqa: E402

OUT = Path(__file__).resolve().parent.parent / "docs" / "screenshots"
FAST_KDF = KdfParams(memory_kib=8 * 1024, iterations=1, lanes=1)
PASSPHRASE = "screenshot-only-fictional-passphrase"  # noqa: S105 (a throw-away vault)
INCIDENTS = 4000
UNTIL = dt.date(2026, 11, 23)
SIZE = (1280, 800)


def settle(app: QApplication, condition: object = None, rounds: int = 600) -> None:
    """Let workers finish and the event loop paint (until *condition*, if given)."""
    for _ in range(rounds):
        QThreadPool.globalInstance().waitForDone(50)
        app.processEvents()
        if condition is None or condition():  # type: ignore[operator]
            break


def dashboard_in(window: MainWindow) -> DashboardPage:
    """The shell's dashboard, or (until the lead wires it) ours put in the section's place."""
    shell = window.shell
    if shell is None:
        raise SystemExit("the vault did not open")
    existing = getattr(shell, "dashboard", None)
    if isinstance(existing, DashboardPage):
        page = existing
    else:
        vault = window.vault
        if vault is None:
            raise SystemExit("the vault is not open")
        page = DashboardPage(vault, today=lambda: UNTIL)
        placeholder = shell.pages.widget(2)
        shell.pages.insertWidget(2, page)
        shell.pages.removeWidget(placeholder)
    shell.navigation.setCurrentRow(2)
    return page


def main() -> int:
    app = QApplication(sys.argv[:1])
    apply_theme(app)
    OUT.mkdir(parents=True, exist_ok=True)
    with tempfile.TemporaryDirectory() as tmp:
        vault_dir = Path(tmp) / "arcadia"
        create_vault(vault_dir, PASSPHRASE, kdf=FAST_KDF)
        with open_vault(vault_dir, PASSPHRASE) as vault:
            vault.incidents.add_many(generate_incidents(INCIDENTS, seed=11, until=UNTIL))
        window = MainWindow(vault_dir)
        window.resize(*SIZE)
        window.show()
        window.unlock_screen.passphrase.setText(PASSPHRASE)
        window.unlock_screen.unlock_button.click()
        settle(app, lambda: window.shell is not None)
        page = dashboard_in(window)
        page.scope_bar.set_custom_period(UNTIL.replace(year=UNTIL.year - 1), UNTIL)
        page.scope_bar.preset.setCurrentIndex(page.scope_bar.preset.findData("12m"))
        settle(app, lambda: page.analysis is not None and not page.is_busy())
        settle(app, rounds=20)
        window.grab().save(str(OUT / "dashboard.png"), "PNG")
        print("wrote docs/screenshots/dashboard.png")
        body = page.content.widget()
        body.resize(body.width(), body.sizeHint().height())
        body.grab().save(str(OUT / "dashboard-full.png"), "PNG")
        print("wrote docs/screenshots/dashboard-full.png")
        window.lock()
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
