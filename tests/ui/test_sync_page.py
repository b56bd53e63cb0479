"""The Sync section against the real HQ service: enrol, send, USB, receipts, automatic sending."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest
from pytestqt.qtbot import QtBot

from hradvisor.hq.service import HQService
from hradvisor.store import Vault
from hradvisor.sync.outbox import Outbox
from hradvisor.ui.sync import SyncPage
from hradvisor.ui.sync.auto import AutoSender, Outcome
from hradvisor.ui.sync.enroll import EnrollDialog
from tests.conftest import make_incident
from tests.hq.conftest import (  # noqa: F401 (fixtures)
    TLSFiles,
    hq_dir,
    hq_store,
    running,
    service,
    tls,
)


@pytest.fixture
def server(service: HQService, tls: TLSFiles) -> Iterator[str]:  # noqa: F811
    with running(service, tls) as url:
        yield url


@pytest.fixture
def page(qtbot: QtBot, vault: Vault) -> SyncPage:
    widget = SyncPage(vault, automatic=False)
    qtbot.addWidget(widget)
    qtbot.waitUntil(lambda: widget.device_fingerprint.text() not in ("", "…"))
    return widget


def _bundle_file(tmp_path: Path, service: HQService) -> Path:  # noqa: F811
    path = tmp_path / "hq-bundle.hrpub"
    path.write_bytes(service.keys.public_bundle)
    return path


def _dialog(qtbot: QtBot, vault: Vault, bundle: Path) -> EnrollDialog:
    dialog = EnrollDialog(vault)
    qtbot.addWidget(dialog)
    dialog.load_bundle(bundle)
    qtbot.waitUntil(lambda: dialog.fingerprint.text() != "")
    return dialog


def _enrol_online(
    qtbot: QtBot,
    vault: Vault,
    tmp_path: Path,
    service: HQService,  # noqa: F811
    server: str,
    tls: TLSFiles,  # noqa: F811
) -> None:
    dialog = _dialog(qtbot, vault, _bundle_file(tmp_path, service))
    dialog.load_ca(tls.ca)
    qtbot.waitUntil(lambda: dialog.ca_name.text() == tls.ca.name)
    dialog.url.setText(server)
    dialog.matches.setChecked(True)
    with qtbot.waitSignal(dialog.accepted, timeout=20_000):
        dialog.send_button.click()
    assert "sent to HQ" in dialog.result_text
    service.devices.approve(vault.device_id)


def test_not_enrolled_says_so_and_offers_only_enrollment(page: SyncPage) -> None:
    assert page.hq_fingerprint.text() == "Not enrolled yet"
    assert not page.send_button.isEnabled()
    assert not page.usb_button.isEnabled()
    assert page.enroll_button.isEnabled()
    assert page.summary_text() == "not enrolled with HQ"


def test_nothing_is_sent_before_the_fingerprint_is_confirmed(
    qtbot: QtBot,
    vault: Vault,
    tmp_path: Path,
    service: HQService,  # noqa: F811
) -> None:
    dialog = _dialog(qtbot, vault, _bundle_file(tmp_path, service))
    assert dialog.fingerprint.text() == service.keys.fingerprint
    dialog.url.setText("https://127.0.0.1:9")
    assert not dialog.send_button.isEnabled() and not dialog.save_button.isEnabled()
    dialog.matches.setChecked(True)
    assert dialog.send_button.isEnabled()
    dialog.url.setText("http://127.0.0.1:9")  # never in clear
    assert not dialog.send_button.isEnabled()


def test_a_file_that_is_not_a_bundle_is_named(qtbot: QtBot, vault: Vault, tmp_path: Path) -> None:
    bogus = tmp_path / "holiday.jpg"
    bogus.write_bytes(b"\xff\xd8\xff" + b"x" * 100)
    dialog = EnrollDialog(vault)
    qtbot.addWidget(dialog)
    dialog.load_bundle(bogus)
    qtbot.waitUntil(lambda: dialog.message.text() != "")
    assert "holiday.jpg is not an HQ public bundle" in dialog.message.text()
    assert not dialog.matches.isEnabled()


def test_enrol_then_send_now_delivers_with_a_receipt(
    qtbot: QtBot,
    vault: Vault,
    page: SyncPage,
    tmp_path: Path,
    service: HQService,  # noqa: F811
    server: str,
    tls: TLSFiles,  # noqa: F811
) -> None:
    _enrol_online(qtbot, vault, tmp_path, service, server, tls)
    vault.incidents.add(make_incident(title="Market closure in Duskwater"))
    page.refresh()
    qtbot.waitUntil(lambda: page.send_button.isEnabled())
    assert page.hq_fingerprint.text() == service.keys.fingerprint
    with qtbot.waitSignal(page.pending_changed, timeout=30_000, check_params_cb=lambda n: n == 0):
        page.send_button.click()
    assert "delivered" in page.message.text()
    assert not page.progress.isVisible()
    assert Outbox(vault).status().counts["revisions_delivered"] == 1
    assert "last delivered to HQ" in page.summary_text()


def test_usb_round_trip_with_receipts_carried_back(
    qtbot: QtBot,
    vault: Vault,
    page: SyncPage,
    tmp_path: Path,
    service: HQService,  # noqa: F811
) -> None:
    dialog = _dialog(qtbot, vault, _bundle_file(tmp_path, service))
    dialog.matches.setChecked(True)
    request = tmp_path / "usb" / "enrollment.hrreq"
    request.parent.mkdir()
    with qtbot.waitSignal(dialog.accepted):
        dialog.save_request(request)
    service.enroll(request.read_bytes())
    service.devices.approve(vault.device_id)
    vault.incidents.add(make_incident())
    page.refresh()
    qtbot.waitUntil(lambda: page.usb_button.isEnabled())
    assert not page.send_button.isEnabled()  # no address: USB only
    page.write_packages(tmp_path / "usb")
    qtbot.waitUntil(lambda: "written to" in page.message.text())
    packages = sorted((tmp_path / "usb").glob("*.hrpkg"))
    assert len(packages) == 1
    outcome = service.ingest(packages[0].read_bytes(), via="file")
    receipt = tmp_path / "usb" / "000001.hrrcpt"
    receipt.write_bytes(outcome.receipt)
    page.import_receipts([receipt])
    qtbot.waitUntil(lambda: "newly marked delivered" in page.message.text())
    assert "1 package(s) newly" in page.message.text()
    assert Outbox(vault).status().counts["packages_pending"] == 0


def test_a_forged_receipt_is_refused_and_nothing_is_marked(
    qtbot: QtBot,
    vault: Vault,
    page: SyncPage,
    tmp_path: Path,
    service: HQService,  # noqa: F811
) -> None:
    dialog = _dialog(qtbot, vault, _bundle_file(tmp_path, service))
    dialog.matches.setChecked(True)
    with qtbot.waitSignal(dialog.accepted):
        dialog.save_request(tmp_path / "request.hrreq")
    forged = tmp_path / "forged.hrrcpt"
    forged.write_bytes(b"HRRC" + bytes(200))
    page.refresh()
    qtbot.waitUntil(lambda: page.receipt_button.isEnabled())
    page.import_receipts([forged])
    qtbot.waitUntil(lambda: page.receipt_button.isEnabled() and page.message.text() != "")
    assert "receipt" in page.message.text().lower()
    assert Outbox(vault).status().counts["revisions_delivered"] == 0


def test_automatic_sending_delivers_when_hq_answers(
    qtbot: QtBot,
    vault: Vault,
    tmp_path: Path,
    service: HQService,  # noqa: F811
    server: str,
    tls: TLSFiles,  # noqa: F811
) -> None:
    _enrol_online(qtbot, vault, tmp_path, service, server, tls)
    vault.incidents.add(make_incident())
    sender = AutoSender(vault, first_try_ms=1, interval_ms=60_000)
    widget = SyncPage(vault, automatic=True, auto_sender=sender)
    qtbot.addWidget(widget)
    with qtbot.waitSignal(sender.finished, timeout=30_000) as signal:
        pass
    assert signal.args == [Outcome.SENT]
    assert sender.next_wait_ms == 60_000
    assert Outbox(vault).status().counts["revisions_delivered"] == 1


def _sender(vault: Vault, outcomes: list[Outcome]) -> AutoSender:
    return AutoSender(
        vault,
        first_try_ms=1,
        interval_ms=10,
        max_backoff_ms=40,
        attempt_fn=lambda _vault: outcomes.pop(0),
    )


def test_unreachable_hq_backs_off_and_success_resets(qtbot: QtBot, vault: Vault) -> None:
    sender = _sender(vault, [Outcome.UNREACHABLE] * 3 + [Outcome.SENT])
    waits = []
    sender.finished.connect(lambda _o: waits.append(sender.next_wait_ms))
    sender.start()
    qtbot.waitUntil(lambda: len(waits) == 4, timeout=5_000)
    sender.stop()
    assert waits == [20, 40, 40, 10]


def test_manual_only_never_tries(qtbot: QtBot, vault: Vault) -> None:
    tried: list[Vault] = []
    sender = AutoSender(vault, first_try_ms=1, attempt_fn=lambda v: tried.append(v) or Outcome.SENT)
    widget = SyncPage(vault, automatic=False, auto_sender=sender)
    qtbot.addWidget(widget)
    assert not sender.is_active()
    widget.automatic.setChecked(True)
    assert sender.is_active()
    widget.automatic.setChecked(False)
    assert not sender.is_active()
    assert tried == []


def test_forget_stops_sending_and_clears_the_page(qtbot: QtBot, vault: Vault) -> None:
    sender = _sender(vault, [Outcome.SENT] * 10)
    widget = SyncPage(vault, automatic=True, auto_sender=sender)
    qtbot.addWidget(widget)
    qtbot.waitUntil(lambda: widget.device_fingerprint.text() not in ("", "…"))
    widget.forget()
    assert not sender.is_active()
    assert widget.device_fingerprint.text() == "" and widget.pending.text() == ""
    widget.send_now()  # no vault: nothing happens, nothing crashes
