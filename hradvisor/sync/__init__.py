"""Sync to headquarters (DESIGN §8): identities, packages, receipts, enrollment, tokens.

Public surface for the field side and for the HQ service:
``generate_identity``, ``Identity``, ``PublicBundle``, ``save_identity``,
``load_identity``; ``build_package``, ``make_package``, ``open_package``,
``OpenedPackage``, ``AttachmentChunk``; ``make_receipt``, ``verify_receipt``,
``Receipt``; ``make_enrollment_request``, ``verify_enrollment_request``,
``EnrollmentRequest``; ``make_token``, ``verify_token``; the errors
``SyncError`` and ``PackageRejected`` (exit 5) with its subclasses.
Field side (import the modules): ``outbox.Outbox`` (device keys, pinned HQ,
packages, receipts in the vault), ``push.push`` (one idempotent delivery job)
and ``transport.HQClient`` (the HTTPS client).
Formats: docs/package-format.md.
"""

from hradvisor.sync.enrollment import (
    EnrollmentRequest,
    make_enrollment_request,
    verify_enrollment_request,
)
from hradvisor.sync.errors import (
    BadSignature,
    EnrollmentRejected,
    PackageRejected,
    ReceiptRejected,
    SyncError,
    TokenRejected,
)
from hradvisor.sync.identity import (
    Identity,
    PublicBundle,
    generate_identity,
    load_identity,
    normalise_fingerprint,
    save_identity,
)
from hradvisor.sync.package import (
    AttachmentChunk,
    BuiltPackage,
    OpenedPackage,
    build_package,
    make_package,
    open_package,
)
from hradvisor.sync.receipt import Receipt, make_receipt, verify_receipt
from hradvisor.sync.token import make_token, verify_token

__all__ = [
    "AttachmentChunk",
    "BadSignature",
    "BuiltPackage",
    "EnrollmentRejected",
    "EnrollmentRequest",
    "Identity",
    "OpenedPackage",
    "PackageRejected",
    "PublicBundle",
    "Receipt",
    "ReceiptRejected",
    "SyncError",
    "TokenRejected",
    "build_package",
    "generate_identity",
    "load_identity",
    "make_enrollment_request",
    "make_package",
    "make_receipt",
    "make_token",
    "normalise_fingerprint",
    "open_package",
    "save_identity",
    "verify_enrollment_request",
    "verify_receipt",
    "verify_token",
]
