"""The desktop app (DESIGN §9). Only this package imports Qt.

``run_gui(vault_dir)`` is the entry point; the command line imports this
package lazily, so the rest of hradvisor works without PySide6 installed.
"""

from hradvisor.ui.app import MainWindow, run_gui

__all__ = ["MainWindow", "run_gui"]
