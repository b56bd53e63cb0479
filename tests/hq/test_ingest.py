"""Ingest semantics (DESIGN §8): idempotent, forks refused, gaps reported, conflicts kept.

These drive HQService.ingest with packages the package layer has already
"verified" (FakeKeys hands them over by their bytes), so each rule is tested
on its own; tests/hq/test_attacks.py sends real packages.
"""

from __future__ import annotations

import pytest

from hradvisor.hq.errors import Rejected
from hradvisor.hq.ingest import Gap
from hradvisor.hq.service import HQService
from tests.hq.helpers import FakeKeys, FakePackage, approve, chain, make_revision


def submit(service: HQService, package: FakePackage) -> bytes:
    data = f"{package.device_id}:{package.sequence}:{package.package_hash}".encode()
    assert isinstance(service.keys, FakeKeys)
    service.keys.known[data] = package
    return data


def table_counts(service: HQService) -> dict[str, int]:
    tables = ("packages", "receipts", "revisions", "gaps", "conflicts", "entities", "heads")
    with service.store.db.read() as conn:
        return {t: conn.execute(f"SELECT count(*) FROM {t}").fetchone()[0] for t in tables}


def rejections(service: HQService) -> list[str]:
    with service.store.db.read() as conn:
        return [row[0] for row in conn.execute("SELECT reason FROM rejections ORDER BY id")]


@pytest.fixture
def service(fake_service: HQService) -> HQService:
    approve(fake_service, "dev-a", "dev-b")
    return fake_service


def test_ingest_stores_revisions_and_gives_a_receipt(service: HQService) -> None:
    (package,) = chain("dev-a", [[make_revision("inc-1"), make_revision("inc-2", device_seq=2)]])
    outcome = service.ingest(submit(service, package), via="file")
    assert not outcome.replay and outcome.gaps == []
    assert outcome.counts["revisions"] == 2 and outcome.counts["new_revisions"] == 2
    assert b'"sequence": 1' in outcome.receipt
    counts = table_counts(service)
    assert counts["packages"] == counts["receipts"] == 1
    assert counts["revisions"] == counts["entities"] == 2


def test_same_package_twice_is_stored_once_with_the_same_receipt(service: HQService) -> None:
    (package,) = chain("dev-a", [[make_revision("inc-1")]])
    data = submit(service, package)
    first = service.ingest(data, via="https")
    before, witnessed = table_counts(service), service.store.state()
    again = service.ingest(data, via="file")
    assert again.replay and again.receipt == first.receipt
    assert table_counts(service) == before
    assert service.store.state() == witnessed  # nothing changed, nothing to witness
    assert witnessed.head == package.package_hash


def test_a_revision_already_known_is_not_stored_twice(service: HQService) -> None:
    shared = make_revision("inc-1")
    first, second = chain("dev-a", [[shared], [shared, make_revision("inc-2", device_seq=2)]])
    service.ingest(submit(service, first), via="file")
    outcome = service.ingest(submit(service, second), via="file")
    assert outcome.counts == {
        "revisions": 2,
        "new_revisions": 1,
        "duplicates": 1,
        "attachment_chunks": 0,
        "missing_packages": 0,
    }
    assert table_counts(service)["revisions"] == 2


def test_fork_same_sequence_other_content_is_rejected(service: HQService) -> None:
    (original,) = chain("dev-a", [[make_revision("inc-1")]])
    (forked,) = chain("dev-a", [[make_revision("inc-1", title="Rewritten")]])
    service.ingest(submit(service, original), via="file")
    before = table_counts(service)
    with pytest.raises(Rejected, match="fork"):
        service.ingest(submit(service, forked), via="file")
    assert table_counts(service) == before
    assert rejections(service) == ["fork: sequence 1 was already received with other content"]


def test_fork_previous_hash_mismatch_is_rejected(service: HQService) -> None:
    first, _ = chain("dev-a", [[make_revision("inc-1")], [make_revision("inc-2")]])
    stray = FakePackage("dev-a", 2, "f" * 64, "e" * 64, [make_revision("inc-3")])
    service.ingest(submit(service, first), via="file")
    with pytest.raises(Rejected, match="does not follow"):
        service.ingest(submit(service, stray), via="file")
    assert table_counts(service)["revisions"] == 1


def test_gap_is_accepted_reported_and_filled_later(service: HQService) -> None:
    packages = chain("dev-a", [[make_revision(f"inc-{n}")] for n in range(1, 6)])
    service.ingest(submit(service, packages[0]), via="file")
    outcome = service.ingest(submit(service, packages[4]), via="file")
    assert outcome.gaps == [Gap(2, 4)]
    assert service.ingest(submit(service, packages[2]), via="file").gaps == [Gap(2, 2), Gap(4, 4)]
    service.ingest(submit(service, packages[1]), via="file")
    assert service.ingest(submit(service, packages[3]), via="file").gaps == []
    assert table_counts(service)["packages"] == 5


def test_late_package_that_does_not_link_into_the_gap_is_rejected(service: HQService) -> None:
    packages = chain("dev-a", [[make_revision(f"inc-{n}")] for n in range(1, 4)])
    service.ingest(submit(service, packages[0]), via="file")
    service.ingest(submit(service, packages[2]), via="file")
    impostor = FakePackage("dev-a", 2, packages[0].package_hash, "d" * 64, [])
    with pytest.raises(Rejected, match="out of order"):
        service.ingest(submit(service, impostor), via="file")
    assert service.ingest(submit(service, packages[1]), via="file").gaps == []


def test_concurrent_edits_from_two_devices_are_kept_as_a_conflict(service: HQService) -> None:
    base = make_revision("inc-1")
    edit_a = make_revision("inc-1", parents=(base["hash"],), title="Edit on A", device_seq=2)
    edit_b = make_revision(
        "inc-1", parents=(base["hash"],), title="Edit on B", device_id="dev-b", device_seq=1
    )
    (from_a,) = chain("dev-a", [[base, edit_a]])
    (from_b,) = chain("dev-b", [[base, edit_b]])
    service.ingest(submit(service, from_a), via="file")
    service.ingest(submit(service, from_b), via="file")
    with service.store.db.read() as conn:
        heads = {row[0] for row in conn.execute("SELECT hash FROM heads")}
        conflict = conn.execute("SELECT heads, devices FROM conflicts").fetchall()
        stored = conn.execute("SELECT count(*) FROM revisions").fetchone()[0]
    assert heads == {edit_a["hash"], edit_b["hash"]}
    assert len(conflict) == 1 and '"dev-b"' in conflict[0][1]
    assert stored == 3  # base once, both edits kept


def test_edits_arriving_before_their_parent_leave_one_head(service: HQService) -> None:
    base = make_revision("inc-1")
    edit = make_revision("inc-1", parents=(base["hash"],), title="Later", device_seq=2)
    first, second = chain("dev-a", [[edit], [base]])
    service.ingest(submit(service, first), via="file")
    service.ingest(submit(service, second), via="file")
    with service.store.db.read() as conn:
        assert [row[0] for row in conn.execute("SELECT hash FROM heads")] == [edit["hash"]]
        assert conn.execute("SELECT count(*) FROM conflicts").fetchone()[0] == 0


@pytest.mark.parametrize(
    ("status", "reason"), [("revoked", "device revoked"), ("pending", "not approved")]
)
def test_packages_from_a_device_not_approved_are_rejected(
    fake_service: HQService, status: str, reason: str
) -> None:
    fake_service.enroll(b"dev-c")
    if status == "revoked":
        fake_service.devices.approve("dev-c")
        fake_service.devices.revoke("dev-c")
    (package,) = chain("dev-c", [[make_revision("inc-1", device_id="dev-c")]])
    with pytest.raises(Rejected, match=reason):
        fake_service.ingest(submit(fake_service, package), via="file")
    assert table_counts(fake_service)["revisions"] == 0
    assert rejections(fake_service) and reason in rejections(fake_service)[0]


def test_consolidated_entity_follows_the_newest_head(service: HQService) -> None:
    base = make_revision("inc-1", country="XA")
    moved = make_revision(
        "inc-1",
        parents=(base["hash"],),
        country="XB",
        device_seq=2,
        created_at="2026-11-02T10:00:00.000Z",
    )
    first, second = chain("dev-a", [[base], [moved]])
    service.ingest(submit(service, first), via="file")
    service.ingest(submit(service, second), via="file")
    with service.store.db.read() as conn:
        assert conn.execute("SELECT country, heads FROM entities").fetchall() == [("XB", 1)]
