"""One page's unsaved work kept through a lock, in one encrypted draft slot.

An idle or panic lock never asks anything. A page with one editor (Risk,
Reports) writes what the editor holds to ``vault.drafts`` (encrypted, see
store/drafts.py) just before the vault closes, offers it back in a banner
after the next unlock, and deletes it once the edits are saved or thrown away.
The incident editor keeps its drafts its own way (one per incident, autosaved).
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from PySide6.QtCore import QCoreApplication

from hradvisor.store import Vault, VaultError
from hradvisor.store.drafts import Draft
from hradvisor.ui.answers import no_failure
from hradvisor.ui.clock import local_time, utc_now
from hradvisor.ui.widgets import Banner
from hradvisor.ui.workers import run_in_background

translate = QCoreApplication.translate  # lupdate finds translate("Context", "text")


class KeptDraft:
    """The draft slot *name* of one page, offered in *banner*.

    *vault* returns the page's open vault (None once locked); *offer_text(time)*
    is the banner's sentence in the page's own words; *restore(draft)* puts the
    draft in the page's editor. *kind* is the key every draft of this page holds
    in its data, so another section's draft is never offered here.
    """

    def __init__(
        self,
        name: str,
        kind: str,
        *,
        vault: Callable[[], Vault | None],
        banner: Banner,
        offer_text: Callable[[str], str],
        restore: Callable[[Draft], None],
    ) -> None:
        self.name = name
        self.kind = kind
        self._vault = vault
        self._banner = banner
        self._offer_text = offer_text
        self._restore = restore
        self._in_editor = False  # the editor shows this draft: delete it once saved

    def keep(self, content: dict[str, Any], head: str | None) -> None:
        """Write the draft now, before the vault closes (a few kilobytes, no worker)."""
        vault = self._vault()
        if vault is None:
            return
        try:
            vault.drafts.save(self.name, {self.kind: content, "head": head}, saved_at=utc_now())
        except (VaultError, OSError, ValueError):
            return  # nobody is there to tell: the lock goes ahead, as it must

    def offer(self) -> None:
        """After an unlock: look for the draft in a worker and offer it if there is one."""
        vault = self._vault()
        if vault is None:
            return
        drafts, name = vault.drafts, self.name
        run_in_background(lambda: drafts.load(name), self._found, no_failure)

    def _found(self, draft: Draft | None) -> None:
        if (
            draft is None
            or self._vault() is None
            or not isinstance(draft.data.get(self.kind), dict)
        ):
            return
        self._banner.show_message(
            "warning",
            self._offer_text(local_time(draft.saved_at)),
            [
                (translate("KeptDraft", "Restore them"), lambda: self._restore(draft)),
                (translate("KeptDraft", "Discard them"), self._discard_offer),
            ],
        )

    def restored(self) -> None:
        """The page put the draft in its editor: the banner goes, the file stays until
        the edits are saved or thrown away."""
        self._banner.clear()
        self._in_editor = True

    def cannot_restore(self) -> None:
        self._banner.show_message(
            "error", translate("KeptDraft", "The kept draft could not be read.")
        )

    def _discard_offer(self) -> None:
        self._banner.clear()
        self._in_editor = True
        self.drop()

    def drop(self) -> None:
        """Delete the draft once the edits it holds were saved or thrown away."""
        vault = self._vault()
        if vault is None or not self._in_editor:
            return
        self._in_editor = False
        drafts, name = vault.drafts, self.name
        run_in_background(lambda: drafts.discard(name), no_failure, no_failure)

    def forget(self) -> None:
        """On lock: the banner's buttons hold the draft's content; drop them."""
        self._banner.clear()
        self._in_editor = False


def draft_head(data: dict[str, Any]) -> str | None:
    """The revision a draft's edits started from (None: never saved)."""
    head = data.get("head")
    return head if isinstance(head, str) else None
