"""Render the desktop app's screens to docs/screenshots/*.png (run under xvfb-run).

Each screen is built on a throw-away fast-KDF vault of fictional data, so the
pictures show real widgets without touching anyone's vault. Used to look at
every screen by eye (UI.md, "Screens to check by eye").
"""

from __future__ import annotations

import datetime as dt
import sys
import tempfile
from pathlib import Path

from PySide6.QtCore import QThreadPool
from PySide6.QtWidgets import QApplication

from hradvisor.demo import generate_incidents
from hradvisor.store import KdfParams, create_vault, open_vault
from hradvisor.ui.app import WINDOW_SIZE, MainWindow
from hradvisor.ui.theme import apply_theme

OUT = Path(__file__).resolve().parent.parent / "docs" / "screenshots"
FAST_KDF = KdfParams(memory_kib=8 * 1024, iterations=1, lanes=1)
PASSPHRASE = "screenshot-only-fictional-passphrase"  # noqa: S105 (a throw-away vault)


def settle(app: QApplication, condition: object = None) -> None:
    """Let workers finish and the event loop paint."""
    for _ in range(200):
        QThreadPool.globalInstance().waitForDone(50)
        app.processEvents()
        if condition is None or condition():  # type: ignore[operator]
            break


def save(app: QApplication, window: MainWindow, name: str) -> None:
    settle(app)
    window.grab().save(str(OUT / f"{name}.png"), "PNG")
    print(f"wrote docs/screenshots/{name}.png")


def main() -> int:
    app = QApplication(sys.argv[:1])
    apply_theme(app)
    OUT.mkdir(parents=True, exist_ok=True)
    with tempfile.TemporaryDirectory() as tmp:
        create = MainWindow(Path(tmp) / "new-vault", kdf=FAST_KDF)
        create.resize(*WINDOW_SIZE)
        create.show()
        form = create.create_screen
        if form is None:
            raise SystemExit("the create screen did not appear")
        form.passphrase.setText("sunflower")
        form.confirm.setText("sunflower")
        save(app, create, "create-vault")
        vault_dir = Path(tmp) / "arcadia"
        create_vault(vault_dir, PASSPHRASE, kdf=FAST_KDF)
        with open_vault(vault_dir, PASSPHRASE) as vault:
            for incident in generate_incidents(240, seed=4, until=dt.date(2026, 11, 1)):
                vault.incidents.add(incident)
        window = MainWindow(vault_dir)
        window.resize(*WINDOW_SIZE)
        window.show()
        save(app, window, "unlock")
        screen = window.unlock_screen
        screen.passphrase.setText("not the passphrase")
        screen.unlock_button.click()
        settle(app, lambda: bool(screen.message.text()))
        save(app, window, "unlock-wrong-passphrase")
        screen.passphrase.setText(PASSPHRASE)
        screen.unlock_button.click()
        settle(
            app, lambda: window.shell is not None and "240" in window.shell.status.currentMessage()
        )
        save(app, window, "shell")
        window.lock()
        incident_list(app, Path(tmp))
    return 0


def incident_list(app: QApplication, tmp: Path) -> None:
    """The Incidents section on 600 demo incidents, then filtered and searched."""
    vault_dir = tmp / "arcadia-600"
    create_vault(vault_dir, PASSPHRASE, kdf=FAST_KDF)
    with open_vault(vault_dir, PASSPHRASE) as vault:
        vault.incidents.add_many(generate_incidents(600, seed=1, until=dt.date(2026, 11, 23)))
    window = MainWindow(vault_dir)
    window.resize(*WINDOW_SIZE)
    window.show()
    window.unlock_screen.passphrase.setText(PASSPHRASE)
    window.unlock_screen.unlock_button.click()
    settle(app, lambda: window.shell is not None and window.shell.incidents is not None)
    shell = window.shell
    page = shell.incidents if shell is not None else None
    if page is None:
        raise SystemExit("the incident list did not appear")
    settle(app, lambda: page.model.rowCount() > 0 and "600" in page.count_label.text())
    save(app, window, "incident-list")
    page.filters.violation.setCurrentIndex(page.filters.violation.findData("arbitrary-detention"))
    page.search.setText("market")
    page.apply_filters()  # skip the debounce
    settle(app, lambda: "Counting" not in page.count_label.text())
    save(app, window, "incident-list-filtered")
    page.clear_filters()
    settle(app, lambda: "600" in page.count_label.text())
    editor_screens(app, window)
    other_sections(app, window)
    window.lock()


def other_sections(app: QApplication, window: MainWindow) -> None:
    """Settings, the notes list, and the dark look on the list and the dashboard."""
    shell = window.shell
    if shell is None:
        raise SystemExit("the shell did not appear")
    shell.incident_section.show_list()
    shell.navigation.setCurrentRow(6)
    save(app, window, "settings")
    apply_theme(app, "dark")
    shell.navigation.setCurrentRow(0)
    save(app, window, "dark-incident-list")
    shell.navigation.setCurrentRow(2)
    for _ in range(20):  # the analysis runs in a worker; let it answer and paint
        settle(app)
    save(app, window, "dark-dashboard")
    apply_theme(app, "light")
    shell.navigation.setCurrentRow(0)


def _rich_incident(window: MainWindow) -> str:
    """An incident with victims, perpetrators and two sources or more, to show every tab full."""
    if window.vault is None:
        raise SystemExit("the vault is not open")
    page = window.vault.queries.page(sort="victims", descending=True, limit=200)
    for incident in page.items:
        if len(incident.sources) >= 2 and incident.perpetrators and incident.narrative:
            return incident.id
    return page.items[0].id


def editor_screens(app: QApplication, window: MainWindow) -> None:
    """The incident editor: each tab of a stored incident, a refused save, a new incident."""
    shell = window.shell
    if shell is None:
        raise SystemExit("the shell did not appear")
    section, editor = shell.incident_section, shell.editor
    incident_id = _rich_incident(window)
    section.open_incident(incident_id)
    settle(app, lambda: editor.incident_id == incident_id and editor.form.isEnabled())
    for index, name in enumerate(("details", "classification", "victims", "sources", "follow-up")):
        editor.tabs.setCurrentIndex(index)
        save(app, window, f"editor-{name}")
    editor.tabs.setCurrentIndex(0)
    editor.form.title.setText("")
    editor.form.location.lat.setText("95")
    editor.form.location.lon.setText("-137.1")
    editor.save()
    save(app, window, "editor-validation-error")
    editor.discard_changes()
    section.show_list()
    shell.new_incident()
    save(app, window, "editor-new-incident")
    editor.form.title.setText("Arrest of two journalists near Orsavel")
    section.show_list()
    settle(app)
    save(app, window, "incident-list-unsaved-edit")
    window.lock()  # as the idle timer does: no question, the edit is kept as a draft
    settle(app)
    window.unlock_screen.passphrase.setText(PASSPHRASE)
    window.unlock_screen.unlock_button.click()
    settle(
        app,
        lambda: (
            window.shell is not None and "draft" in window.shell.incident_section.banner.text.text()
        ),
    )
    save(app, window, "incident-list-draft-offered")
    if window.shell is not None:
        window.shell.incident_section.banner.buttons[1].click()  # discard it


if __name__ == "__main__":
    raise SystemExit(main())
