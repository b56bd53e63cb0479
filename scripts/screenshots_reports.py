"""Render the Reports page with a preview shown to docs/screenshots/reports*.png.

A throw-away fast-KDF vault of fictional demo incidents (and the demo risk
assessments when hradvisor.demo_risk is installed); the page opens a saved
definition, renders the preview in memory and is grabbed at 1280x800.
Run offscreen (QT_QPA_PLATFORM=offscreen) or under xvfb-run.
"""

from __future__ import annotations

import datetime as dt
import sys
import tempfile
import time
from collections.abc import Callable
from pathlib import Path

from PySide6.QtCore import QThreadPool
from PySide6.QtWidgets import QApplication, QWidget

from hradvisor.demo import generate_incidents
from hradvisor.model import ReportDefinition, new_id
from hradvisor.store import KdfParams, Vault, create_vault, open_vault
from hradvisor.ui.i18n import install_translators
from hradvisor.ui.reports import ReportsPage
from hradvisor.ui.theme import apply_theme

OUT = Path(__file__).resolve().parent.parent / "docs" / "screenshots"
FAST_KDF = KdfParams(memory_kib=8 * 1024, iterations=1, lanes=1)
PASSPHRASE = "screenshot-only-fictional-passphrase"  # noqa: S105 (a throw-away vault)
UNTIL = dt.date(2026, 11, 1)
SIZE = (1280, 800)


def settle(app: QApplication, done: Callable[[], bool] | None = None, rounds: int = 2400) -> None:
    """Let workers finish and the event loop paint, until *done* holds."""
    for _ in range(rounds):
        QThreadPool.globalInstance().waitForDone(25)
        app.processEvents()
        if done is None or done():
            return


def render_pages(app: QApplication, seconds: float = 2.0) -> None:
    """QPdfView renders pages on a thread of its own, not the pool: give it real time."""
    deadline = time.monotonic() + seconds
    while time.monotonic() < deadline:
        app.processEvents()
        time.sleep(0.01)


def save(app: QApplication, widget: QWidget, name: str) -> None:
    settle(app)
    widget.grab().save(str(OUT / f"{name}.png"), "PNG")
    print(f"wrote docs/screenshots/{name}.png")


def fill(vault: Vault) -> None:
    vault.incidents.add_many(generate_incidents(3000, seed=6, until=UNTIL))
    try:
        from hradvisor.demo_risk import demo_assessments  # type: ignore[import-not-found]
    except ImportError:
        print("(no hradvisor.demo_risk here: the report has no risk table)")
    else:
        for assessment in demo_assessments(vault, seed=6, until=UNTIL):
            vault.assessments.save(assessment)
    vault.reports.save(
        ReportDefinition(
            id=new_id(),
            period_start="2026-08-01",
            period_end="2026-10-31",
            issued="2026-11-03",
            country="XA",
            classification="confidential",
            audience="un",
            language="en",
            overview="Violence against civilians rose in the north in the quarter, "
            "with killings and arbitrary detention concentrated in two areas.",
            recommendations="Raise the pattern of detentions with the authorities; "
            "support monitoring access to the northern areas.",
            include_annex=True,
            suppress_small_counts=True,
        )
    )


def main() -> int:
    """``--lang fr`` renders the French window to reports-fr*.png (to check for clipping)."""
    lang = sys.argv[sys.argv.index("--lang") + 1] if "--lang" in sys.argv else "en"
    suffix = "" if lang == "en" else f"-{lang}"
    app = QApplication(sys.argv[:1])
    install_translators(app, lang)
    apply_theme(app)
    OUT.mkdir(parents=True, exist_ok=True)
    with tempfile.TemporaryDirectory() as tmp:
        vault_dir = Path(tmp) / "arcadia"
        create_vault(vault_dir, PASSPHRASE, kdf=FAST_KDF)
        with open_vault(vault_dir, PASSPHRASE) as vault:
            fill(vault)
            page = ReportsPage(vault, lang=lang)
            page.resize(*SIZE)
            page.show()
            settle(app, lambda: page.list.count() > 0)
            page.list.setCurrentRow(0)
            settle(app, lambda: page.editor.loaded is not None and not page.is_busy())
            save(app, page, f"reports-definition{suffix}")
            page.editor.setCurrentIndex(2)
            save(app, page, f"reports-concerns{suffix}")
            page.make_preview()
            settle(app, lambda: page.preview.document.pageCount() > 0 and not page.is_busy())
            render_pages(app)
            save(app, page, f"reports{suffix}")
            page.clear()
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
