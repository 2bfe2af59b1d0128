"""The claims table's model: one row per claim, a proxy for sorting, filters and search.

The model only shows; it keeps the rows of the last check and makes no decisions.
"""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import (
    QAbstractTableModel,
    QModelIndex,
    QPersistentModelIndex,
    QSortFilterProxyModel,
    Qt,
)
from PySide6.QtGui import QBrush, QPalette
from PySide6.QtWidgets import QApplication

from recount import wording
from recount.claims.model import NumericClaim
from recount.ui.results import ClaimRow
from recount.ui.theme import colours

COLUMNS = ("⚑", "Kind", "Figure", "What", "When", "Where", "Source or speaker", "Review")
FLAG, KIND, FIGURE, WHAT, WHEN, WHERE, WHO, REVIEW = range(len(COLUMNS))

HEADER_TIPS = (
    "Flagged: this claim disagrees with an earlier report",
    "A figure, or words credited to someone",
    "The figure with the interval its wording allows (≥ at least, > more than, ≈ about)",
    "What is counted, or how the words were reported",
    "The day or period the figure covers",
    "The place the figure is about",
    "Who the figure or the words are credited to",
    "Your review of this claim",
)

REVIEW_LABELS = {"confirmed": "✓ confirmed", "rejected": "✗ rejected", "corrected": "✎ corrected"}

ClaimIndexRole = Qt.ItemDataRole.UserRole + 1
FlagCountRole = Qt.ItemDataRole.UserRole + 2
KindRole = Qt.ItemDataRole.UserRole + 3
CategoryRole = Qt.ItemDataRole.UserRole + 4
SortRole = Qt.ItemDataRole.UserRole + 5
SearchRole = Qt.ItemDataRole.UserRole + 6

Index = QModelIndex | QPersistentModelIndex


class ClaimsModel(QAbstractTableModel):
    """Rows of the last check (ClaimRow); replaced whole after each check."""

    def __init__(self, parent=None) -> None:
        super().__init__(parent)
        self._rows: list[ClaimRow] = []

    # ---- data in
    def set_rows(self, rows: list[ClaimRow]) -> None:
        self.beginResetModel()
        self._rows = list(rows)
        self.endResetModel()

    def clear(self) -> None:
        self.set_rows([])

    def set_review(self, claim_index: int, review: str | None) -> None:
        for r, row in enumerate(self._rows):
            if row.index == claim_index:
                row.review = review
                self.dataChanged.emit(self.index(r, 0), self.index(r, len(COLUMNS) - 1))

    def rows(self) -> list[ClaimRow]:
        return list(self._rows)

    def row_for_claim(self, claim_index: int) -> int:
        for r, row in enumerate(self._rows):
            if row.index == claim_index:
                return r
        return -1

    def claim_row(self, row: int) -> ClaimRow | None:
        return self._rows[row] if 0 <= row < len(self._rows) else None

    # ---- Qt model interface
    def rowCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008 - Qt's signature
        return 0 if parent.isValid() else len(self._rows)

    def columnCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(COLUMNS)

    def headerData(self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole):
        if orientation != Qt.Orientation.Horizontal or not 0 <= section < len(COLUMNS):
            return None
        if role == Qt.ItemDataRole.DisplayRole:
            return COLUMNS[section]
        if role == Qt.ItemDataRole.ToolTipRole:
            return HEADER_TIPS[section]
        return None

    def flags(self, index: Index) -> Qt.ItemFlag:
        if not index.isValid():
            return Qt.ItemFlag.NoItemFlags
        return Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemIsSelectable

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid() or not 0 <= index.row() < len(self._rows):
            return None
        row = self._rows[index.row()]
        col = index.column()
        claim = row.claim
        if role == Qt.ItemDataRole.DisplayRole:
            return self._display(row, col)
        if role == Qt.ItemDataRole.ToolTipRole:
            if col == FLAG and row.flags:
                return "\n".join(wording.flag_line(d) for d in row.flags)
            return claim.sentence or claim.span
        if role == Qt.ItemDataRole.AccessibleTextRole:
            text = self._display(row, col)
            return ("flagged" if row.flags else "not flagged") if col == FLAG else text
        if role == Qt.ItemDataRole.ForegroundRole and col == FLAG and row.flags:
            return QBrush(colours(QApplication.palette()).flag_line)
        if role == Qt.ItemDataRole.ForegroundRole and row.review == "rejected":
            return QBrush(QApplication.palette().color(QPalette.ColorGroup.Disabled, QPalette.ColorRole.Text))
        if role == Qt.ItemDataRole.TextAlignmentRole and col in (FLAG, FIGURE):
            return int(Qt.AlignmentFlag.AlignCenter if col == FLAG else Qt.AlignmentFlag.AlignRight) | int(
                Qt.AlignmentFlag.AlignVCenter
            )
        if role == ClaimIndexRole:
            return row.index
        if role == FlagCountRole:
            return len(row.flags)
        if role == KindRole:
            return claim.kind
        if role == CategoryRole:
            return claim.category if isinstance(claim, NumericClaim) else ""
        if role == SortRole:
            return self._sort_key(row, col)
        if role == SearchRole:
            return " ".join(self._display(row, c) for c in range(len(COLUMNS))) + " " + claim.sentence
        return None

    def _display(self, row: ClaimRow, col: int) -> str:
        claim = row.claim
        if col == FLAG:
            return "⚑" if row.flags else ""
        if col == KIND:
            return wording.kind_label(claim)
        if col == FIGURE:
            return wording.figure(claim)
        if col == WHAT:
            return wording.what(claim)
        if col == WHEN:
            return wording.when(claim)
        if col == WHERE:
            return wording.where(claim)
        if col == WHO:
            return wording.who(claim)
        if col == REVIEW:
            return REVIEW_LABELS.get(row.review or "", "")
        return ""

    def _sort_key(self, row: ClaimRow, col: int) -> Any:
        claim = row.claim
        if col == FLAG:
            return -len(row.flags) * 100000 + row.index
        if col == FIGURE and isinstance(claim, NumericClaim):
            return float(claim.value)
        if col == FIGURE:
            return -1.0
        if col == WHEN:
            if isinstance(claim, NumericClaim):
                return claim.time.end or claim.time.start or ""
            return claim.date or ""
        return self._display(row, col).lower()


class ClaimsFilter(QSortFilterProxyModel):
    """Kind, category, flagged-only and free-text search over the claims model."""

    def __init__(self, parent=None) -> None:
        super().__init__(parent)
        self._kind = ""
        self._category = ""
        self._flagged_only = False
        self._search = ""
        self.setSortRole(SortRole)

    def set_kind(self, kind: str) -> None:
        self._changing_filter()
        self._kind = kind
        self._changed_filter()

    def set_category(self, category: str) -> None:
        self._changing_filter()
        self._category = category
        self._changed_filter()

    def set_flagged_only(self, on: bool) -> None:
        self._changing_filter()
        self._flagged_only = on
        self._changed_filter()

    def set_search(self, text: str) -> None:
        self._changing_filter()
        self._search = text.strip().lower()
        self._changed_filter()

    # Qt 6.10 replaced invalidateFilter() by a begin/end pair; older PySide6 has only the former.
    def _changing_filter(self) -> None:
        if hasattr(self, "beginFilterChange"):
            self.beginFilterChange()

    def _changed_filter(self) -> None:
        if hasattr(self, "endFilterChange"):
            self.endFilterChange(QSortFilterProxyModel.Direction.Rows)
        else:
            self.invalidateFilter()

    def filterAcceptsRow(self, source_row: int, source_parent: Index) -> bool:
        model = self.sourceModel()
        idx = model.index(source_row, 0, source_parent)
        if self._kind and model.data(idx, KindRole) != self._kind:
            return False
        if self._category and model.data(idx, CategoryRole) != self._category:
            return False
        if self._flagged_only and not model.data(idx, FlagCountRole):
            return False
        return not (self._search and self._search not in (model.data(idx, SearchRole) or "").lower())
