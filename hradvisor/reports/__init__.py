"""Reports and exports (DESIGN §7): what deliberately leaves the vault, and nothing more.

``hradvisor.reports.summary.build_summary`` / ``write_summary`` make the
summary-analysis PDF of a saved ``ReportDefinition`` (imported from there, so
that loading this package does not load reportlab); ``export_incidents``
writes CSV, JSON or HXL. Both go through one protection ``Policy``
(classification × audience → which incidents and fields) and return a
``Manifest`` of what was left out. Rules and formats: docs/reports.md.
"""

from hradvisor.reports.exports import FORMATS, ExportError, ExportScope, export_incidents
from hradvisor.reports.protection import Manifest, Policy, ProtectionError

__all__ = [
    "FORMATS",
    "ExportError",
    "ExportScope",
    "Manifest",
    "Policy",
    "ProtectionError",
    "export_incidents",
]
