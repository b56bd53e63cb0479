"""The in-app preview: the PDF from memory in a QPdfView, and the manifest beside it.

The PDF bytes are handed to QPdfDocument through a QBuffer: nothing is
written to disk, not even a temporary file. ``clear()`` closes the document
and lets go of the bytes (on lock, or when the definition changes).

The manifest says what the document left out and why, in counts only. It is
shown here and never printed in the PDF (docs/reports.md).
"""

from __future__ import annotations

from PySide6.QtCore import (
    QBuffer,
    QByteArray,
    QCoreApplication,
    QEvent,
    QIODevice,
    QObject,
    QPointF,
    Qt,
    QTimer,
)
from PySide6.QtPdf import QPdfDocument
from PySide6.QtPdfWidgets import QPdfView
from PySide6.QtWidgets import (
    QComboBox,
    QFrame,
    QHBoxLayout,
    QLabel,
    QSpinBox,
    QSplitter,
    QVBoxLayout,
    QWidget,
)

from hradvisor.reports import Manifest
from hradvisor.reports.protection import (
    CONSENT_DOES_NOT_REACH_AUDIENCE,
    DISCOUNTED,
    REASONS,
    SENSITIVITY_ABOVE_CLASSIFICATION,
)
from hradvisor.ui.widgets import button, label, name_parts

translate = QCoreApplication.translate  # lupdate finds translate("Context", "text")

FIT_WIDTH = "fit-width"
FIT_PAGE = "fit-page"
ZOOMS = (0.5, 0.75, 1.0, 1.25, 1.5, 2.0)
RERENDER_MS = 150


def reason_text(reason: str) -> str:
    """Why incidents were left out, in words for the adviser."""
    texts = {
        SENSITIVITY_ABOVE_CLASSIFICATION: translate(
            "ReportsPage", "more sensitive than the document's classification"
        ),
        CONSENT_DOES_NOT_REACH_AUDIENCE: translate(
            "ReportsPage", "consent does not reach this audience"
        ),
        DISCOUNTED: translate("ReportsPage", "discounted"),
    }
    return texts.get(reason, reason)


def withheld_text(field: str) -> str:
    """The manifest's names of withheld fields, in the window's language."""
    texts = {
        "names and contacts of persons": translate("ReportsPage", "names and contacts of persons"),
        "notes on sources": translate("ReportsPage", "notes on sources"),
        "follow-up actions": translate("ReportsPage", "follow-up actions"),
        "attachments": translate("ReportsPage", "attachments"),
        "field notes": translate("ReportsPage", "field notes"),
        "narratives": translate("ReportsPage", "narratives"),
        "tags": translate("ReportsPage", "tags"),
    }
    if field.startswith("titles"):
        return translate("ReportsPage", "incident titles (they can name places and people)")
    if field.startswith("places"):
        return translate(
            "ReportsPage", "places, second-level areas and coordinates (shown by first-level area)"
        )
    return texts.get(field, field)


def manifest_html(manifest: Manifest) -> str:
    """The manifest as a short block of rich text: counts and reasons, never content."""
    lines = [
        "<b>{}</b>".format(translate("ReportsPage", "What was left out")),
        translate("ReportsPage", "{included} of {total} incidents in scope included.").format(
            included=f"{manifest.included:,}", total=f"{manifest.in_scope:,}"
        ),
    ]
    left = [
        f"{manifest.left_out[reason]:,} — {reason_text(reason)}"
        for reason in REASONS
        if manifest.left_out.get(reason)
    ]
    if left:
        lines.append(translate("ReportsPage", "Left out:") + "<br>" + "<br>".join(left))
    else:
        lines.append(translate("ReportsPage", "No incident in scope was left out."))
    if manifest.locations_generalised:
        lines.append(
            translate("ReportsPage", "{count} locations shown by first-level area.").format(
                count=f"{manifest.locations_generalised:,}"
            )
        )
    if manifest.small_counts_suppressed:
        lines.append(
            translate("ReportsPage", '{count} small counts shown as "<3".')
            .format(count=f"{manifest.small_counts_suppressed:,}")
            .replace("<", "&lt;")
        )
    fields = ", ".join(withheld_text(f) for f in manifest.withheld_fields)
    lines.append(translate("ReportsPage", "Never included: {fields}.").format(fields=fields))
    lines += list(manifest.notes)
    lines.append(
        "<i>{}</i>".format(
            translate("ReportsPage", "This summary is shown here only; it is not in the PDF.")
        )
    )
    return "<p>" + "</p><p>".join(lines) + "</p>"


class PreviewPane(QWidget):
    """Page navigation, zoom, the PDF view and the manifest."""

    def __init__(self) -> None:
        super().__init__()
        self.document = QPdfDocument(self)
        self._buffer: QBuffer | None = None
        self._data: QByteArray | None = None
        box = QVBoxLayout(self)
        box.setContentsMargins(0, 0, 0, 0)
        box.setSpacing(6)
        box.addLayout(self._toolbar())
        splitter = QSplitter(Qt.Orientation.Horizontal)
        self.view = QPdfView()
        self.view.setAccessibleName(translate("ReportsPage", "Report preview"))
        self.view.setDocument(self.document)
        self.view.setPageMode(QPdfView.PageMode.MultiPage)
        self.view.setZoomMode(QPdfView.ZoomMode.FitToWidth)
        self.view.setPageSpacing(12)
        self.view.setFocusPolicy(Qt.FocusPolicy.StrongFocus)
        splitter.addWidget(self.view)
        self.manifest = QLabel()
        self.manifest.setWordWrap(True)
        self.manifest.setTextFormat(Qt.TextFormat.RichText)
        self.manifest.setAlignment(Qt.AlignmentFlag.AlignTop | Qt.AlignmentFlag.AlignLeft)
        self.manifest.setAccessibleName(translate("ReportsPage", "What was left out, and why"))
        self.manifest.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.manifest.setMinimumWidth(200)
        frame = QFrame()
        frame.setProperty("role", "card")
        inner = QVBoxLayout(frame)
        inner.setContentsMargins(12, 10, 12, 10)
        inner.addWidget(self.manifest)
        inner.addStretch(1)
        splitter.addWidget(frame)
        splitter.setStretchFactor(0, 3)
        splitter.setStretchFactor(1, 1)
        splitter.setChildrenCollapsible(False)
        box.addWidget(splitter, 1)
        self.status = label("", "muted")
        box.addWidget(self.status)
        navigator = self.view.pageNavigator()
        navigator.currentPageChanged.connect(self._page_shown)
        self.document.pageCountChanged.connect(self._pages_changed)
        # QPdfView keeps the page images of the old size when a fitted view is resized and
        # shows them scaled (blurred, clipped glyphs); re-applying the zoom renders afresh.
        self._rerender = QTimer(self)
        self._rerender.setSingleShot(True)
        self._rerender.setInterval(RERENDER_MS)
        self._rerender.timeout.connect(self._zoom_chosen)
        self.view.installEventFilter(self)
        self._pages_changed(0)

    def _toolbar(self) -> QHBoxLayout:
        row = QHBoxLayout()
        row.setSpacing(6)
        self.previous_button = button("◀", translate("ReportsPage", "Previous page"))
        self.previous_button.setToolTip(translate("ReportsPage", "Previous page"))
        self.next_button = button("▶", translate("ReportsPage", "Next page"))
        self.next_button.setToolTip(translate("ReportsPage", "Next page"))
        for arrow in (self.previous_button, self.next_button):
            arrow.setFixedWidth(40)
        self.page = QSpinBox()
        self.page.setAccessibleName(translate("ReportsPage", "Page"))
        name_parts(self.page, translate("ReportsPage", "Page"))
        self.page.setMinimum(1)
        self.page.setKeyboardTracking(False)
        self.pages = label("", "muted")
        self.pages.setWordWrap(False)
        self.zoom = QComboBox()
        self.zoom.setAccessibleName(translate("ReportsPage", "Zoom"))
        self.zoom.addItem(translate("ReportsPage", "Fit width"), FIT_WIDTH)
        self.zoom.addItem(translate("ReportsPage", "Whole page"), FIT_PAGE)
        for factor in ZOOMS:
            self.zoom.addItem(f"{factor:.0%}", factor)
        row.addWidget(label(translate("ReportsPage", "Page"), "muted"))
        for widget in (self.previous_button, self.page, self.pages, self.next_button):
            row.addWidget(widget)
        row.addStretch(1)
        row.addWidget(label(translate("ReportsPage", "Zoom"), "muted"))
        row.addWidget(self.zoom)
        self.previous_button.clicked.connect(lambda: self.go_to(self.current_page() - 1))
        self.next_button.clicked.connect(lambda: self.go_to(self.current_page() + 1))
        self.page.valueChanged.connect(lambda value: self.go_to(value - 1))
        self.zoom.currentIndexChanged.connect(self._zoom_chosen)
        return row

    # -- the document ------------------------------------------------------------------------
    def show_pdf(self, pdf: bytes, manifest: Manifest) -> None:
        """Load *pdf* from memory and show *manifest* beside it."""
        self.clear()
        self._data = QByteArray(pdf)
        self._buffer = QBuffer(self)
        self._buffer.setData(self._data)
        self._buffer.open(QIODevice.OpenModeFlag.ReadOnly)
        self.document.load(self._buffer)
        self.manifest.setText(manifest_html(manifest))
        self.go_to(0)

    def has_document(self) -> bool:
        return self._buffer is not None

    def clear(self) -> None:
        """Close the document and drop its bytes and the manifest."""
        self.document.close()
        if self._buffer is not None:
            self._buffer.close()
            self._buffer.setData(QByteArray())
            self._buffer.deleteLater()
            self._buffer = None
        if self._data is not None:
            self._data.fill(0)
            self._data.clear()
            self._data = None
        self.manifest.clear()
        self.status.clear()

    def set_status(self, text: str) -> None:
        self.status.setText(text)

    # -- navigation --------------------------------------------------------------------------
    def current_page(self) -> int:
        return int(self.view.pageNavigator().currentPage())

    def go_to(self, page: int) -> None:
        count = self.document.pageCount()
        if count <= 0 or not 0 <= page < count:
            return
        if page != self.current_page():
            self.view.pageNavigator().jump(page, QPointF(), self.view.zoomFactor())

    def _page_shown(self, page: int) -> None:
        self.page.blockSignals(True)
        self.page.setValue(page + 1)
        self.page.blockSignals(False)
        self.previous_button.setEnabled(page > 0)
        self.next_button.setEnabled(page + 1 < self.document.pageCount())

    def _pages_changed(self, count: int) -> None:
        self.page.setMaximum(max(1, count))
        self.page.setEnabled(count > 0)
        self.zoom.setEnabled(count > 0)
        self.pages.setText(
            translate("ReportsPage", "of {count}").format(count=count) if count else ""
        )
        self._page_shown(self.current_page() if count else 0)
        if count:
            self._rerender.start()

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if watched is self.view and event.type() == QEvent.Type.Resize:
            self._rerender.start()
        return super().eventFilter(watched, event)

    def _zoom_chosen(self) -> None:
        data = self.zoom.currentData()
        self.view.setZoomMode(QPdfView.ZoomMode.Custom)  # a mode change drops the old images
        if data == FIT_WIDTH:
            self.view.setZoomMode(QPdfView.ZoomMode.FitToWidth)
        elif data == FIT_PAGE:
            self.view.setZoomMode(QPdfView.ZoomMode.FitInView)
        else:
            self.view.setZoomMode(QPdfView.ZoomMode.Custom)
            self.view.setZoomFactor(float(data))
