"""Sending the outbox to HQ: one idempotent job, safe to re-run after any failure.

Order matters: (1) make sure the server is the pinned HQ, (2) seal whatever is
new into packages, (3) collect receipts HQ issued but whose answer was lost,
noticing a vault older than what HQ already holds (rollback, DESIGN §5),
(4) upload each pending package, resuming partial uploads, and mark it
delivered only when its receipt verifies.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field

from hradvisor.store.errors import RollbackDetected
from hradvisor.sync.errors import ReceiptRejected
from hradvisor.sync.outbox import Outbox
from hradvisor.sync.receipt import Receipt, verify_receipt
from hradvisor.sync.transport import HQClient


@dataclass
class PushResult:
    packaged: int = 0
    delivered: list[Receipt] = field(default_factory=list)
    recovered: int = 0


def recover_receipts(outbox: Outbox, client: HQClient) -> int:
    """Apply receipts HQ holds for our pending packages; detect a rolled-back vault."""
    packages = outbox.packages()
    last = packages[-1].sequence if packages else 0
    pending = [p.sequence for p in packages if p.receipt is None]
    after = min(pending) - 1 if pending else last
    recovered = 0
    for raw in client.receipts_after(after):
        receipt = verify_receipt(raw, outbox.hq_bundle())
        if receipt.device_id != outbox.device_id:
            raise ReceiptRejected("HQ returned a receipt for another device")
        if receipt.sequence > last:
            raise RollbackDetected(
                f"HQ already holds package {receipt.sequence} from this device, but this vault "
                f"has only written up to {last}: it may be an older copy of the vault"
            )
        if outbox.accept_receipt(raw)[1]:
            recovered += 1
    return recovered


def push(
    outbox: Outbox,
    client: HQClient,
    *,
    progress: Callable[[int], None] | None = None,
    on_total: Callable[[int], None] | None = None,
    packing: Callable[[int], None] | None = None,
) -> PushResult:
    """Deliver every pending package; raises on the first failure (nothing is lost).

    *packing* is told of each change sealed into a package, *on_total* of the
    bytes to upload, and *progress* of each uploaded piece (progress bars).
    """
    client.check_hq(outbox.hq_bundle().fingerprint)
    result = PushResult(packaged=len(outbox.prepare(progress=packing)))
    result.recovered = recover_receipts(outbox, client)
    pending = outbox.pending()
    if on_total:
        on_total(sum(p.size for p in pending))
    for package in pending:
        raw = client.upload(outbox.package_bytes(package.sequence), progress)
        receipt, _ = outbox.accept_receipt(raw)
        result.delivered.append(receipt)
    return result
