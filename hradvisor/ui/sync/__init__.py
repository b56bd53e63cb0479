"""The Sync section: enrollment, delivery to HQ (network or USB), receipts, automatic sending."""

from hradvisor.ui.sync.page import SyncPage

__all__ = ["SyncPage"]
