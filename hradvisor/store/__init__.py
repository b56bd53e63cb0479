"""The encrypted vault (DESIGN §5): the only place incident data is kept.

Public surface: create, unlock (``open_vault``), lock (``Vault.close``), change
passphrase, recovery shares, check and info; on an open vault,
``vault.incidents`` (write, get, history), ``vault.queries`` (filtered,
keyset-paged lists and counts), ``vault.notes``, ``vault.persons`` and
``vault.attachments``. Errors are VaultError subclasses carrying exit codes.
"""

from hradvisor.store.attachments import Attachment
from hradvisor.store.errors import (
    ConflictError,
    DuplicateRecord,
    IntegrityError,
    InvalidCursor,
    NotFound,
    RollbackDetected,
    TooLarge,
    UnlockThrottled,
    VaultError,
    VaultExists,
    VaultNotFound,
    VaultTooNew,
    WrongPassphrase,
)
from hradvisor.store.keyfile import KdfParams
from hradvisor.store.maintenance import CheckReport, check_vault, vault_info
from hradvisor.store.queries import IncidentFilter, ListRow, Page, RowPage, fts_query
from hradvisor.store.recovery import change_passphrase, recover_vault, recovery_shares
from hradvisor.store.revisions import Revision
from hradvisor.store.vault import Vault, create_vault, open_vault, require_vault

__all__ = [
    "Attachment",
    "CheckReport",
    "ConflictError",
    "DuplicateRecord",
    "IncidentFilter",
    "IntegrityError",
    "InvalidCursor",
    "KdfParams",
    "ListRow",
    "NotFound",
    "Page",
    "Revision",
    "RollbackDetected",
    "RowPage",
    "TooLarge",
    "UnlockThrottled",
    "Vault",
    "VaultError",
    "VaultExists",
    "VaultNotFound",
    "VaultTooNew",
    "WrongPassphrase",
    "change_passphrase",
    "check_vault",
    "create_vault",
    "fts_query",
    "open_vault",
    "recover_vault",
    "recovery_shares",
    "require_vault",
    "vault_info",
]
