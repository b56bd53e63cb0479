"""The screens before a vault is open: create one, or unlock the one that is there."""

from hradvisor.ui.vault_screen.create import CreateVaultScreen
from hradvisor.ui.vault_screen.unlock import UnlockScreen

__all__ = ["CreateVaultScreen", "UnlockScreen"]
