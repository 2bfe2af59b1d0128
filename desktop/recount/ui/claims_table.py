"""The claims panel: filter bar over a sortable table; tells the window which claim is selected."""

from __future__ import annotations

from PySide6.QtCore import QItemSelectionModel, QModelIndex, Qt, Signal
from PySide6.QtWidgets import (
    QAbstractItemView,
    QCheckBox,
    QComboBox,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QMenu,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from recount import wording
from recount.claims.model import CATEGORIES
from recount.ui.claims_model import (
    FIGURE,
    FLAG,
    KIND,
    REVIEW,
    WHAT,
    WHEN,
    WHERE,
    WHO,
    ClaimIndexRole,
    ClaimsFilter,
    ClaimsModel,
)


class ClaimsPanel(QWidget):
    """Filters + table. `claimSelected(claim_index)` (-1 for none); context menu for review."""

    claimSelected = Signal(int)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.model = ClaimsModel(self)
        self.proxy = ClaimsFilter(self)
        self.proxy.setSourceModel(self.model)
        self.context_actions: list = []  # review actions, set by the window

        self.kind = QComboBox()
        self.kind.addItem("All kinds", "")
        self.kind.addItem("Figures", "numeric")
        self.kind.addItem("Attributed", "attributed")
        self.kind.setToolTip("Show only figures or only words credited to someone")
        self.kind.setAccessibleName("Kind filter")
        self.category = QComboBox()
        self.category.addItem("All categories", "")
        for cat in CATEGORIES:
            self.category.addItem(wording.category_label(cat), cat)
        self.category.setToolTip("Show only figures of one category")
        self.category.setAccessibleName("Category filter")
        self.flagged = QCheckBox("⚑ Flagged only")
        self.flagged.setToolTip("Show only claims that disagree with an earlier report (Ctrl+Shift+F)")
        self.flagged.setShortcut("Ctrl+Shift+F")
        self.search = QLineEdit()
        self.search.setPlaceholderText("Filter claims…")
        self.search.setClearButtonEnabled(True)
        self.search.setToolTip("Show claims whose words contain this text")
        self.search.setAccessibleName("Filter claims")
        self.count = QLabel()
        self.count.setAccessibleName("Claims count")

        bar = QHBoxLayout()
        bar.setContentsMargins(0, 0, 0, 0)
        for w in (self.kind, self.category, self.flagged):
            bar.addWidget(w)
        bar.addWidget(self.search, 1)
        bar.addWidget(self.count)

        self.table = QTableView()
        self.table.setModel(self.proxy)
        self.table.setAccessibleName("Claims")
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.table.setSortingEnabled(True)
        self.table.sortByColumn(-1, Qt.SortOrder.AscendingOrder)  # text order until the user sorts
        self.table.setAlternatingRowColors(True)
        self.table.setWordWrap(False)
        self.table.verticalHeader().hide()
        self.table.setContextMenuPolicy(Qt.ContextMenuPolicy.CustomContextMenu)
        header = self.table.horizontalHeader()
        header.setStretchLastSection(False)
        header.setSectionResizeMode(QHeaderView.ResizeMode.Interactive)
        for col, width in (
            (FLAG, 28),
            (KIND, 72),
            (FIGURE, 110),
            (WHAT, 110),
            (WHEN, 125),
            (WHERE, 80),
            (WHO, 160),
            (REVIEW, 90),
        ):
            self.table.setColumnWidth(col, width)
        header.setSectionResizeMode(WHO, QHeaderView.ResizeMode.Stretch)
        vh = self.table.verticalHeader()
        vh.setDefaultSectionSize(self.fontMetrics().height() + 8)

        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addLayout(bar)
        layout.addWidget(self.table)

        self.kind.currentIndexChanged.connect(lambda: self.proxy.set_kind(self.kind.currentData()))
        self.category.currentIndexChanged.connect(
            lambda: self.proxy.set_category(self.category.currentData())
        )
        self.flagged.toggled.connect(self.proxy.set_flagged_only)
        self.search.textChanged.connect(self.proxy.set_search)
        p = self.proxy
        for sig in (p.rowsInserted, p.rowsRemoved, p.modelReset, p.layoutChanged):
            sig.connect(self._update_count)
        self.table.selectionModel().currentRowChanged.connect(self._on_current)
        self.table.customContextMenuRequested.connect(self._context_menu)
        self._update_count()

    # ---- selection
    def selected_claim(self) -> int:
        idx = self.table.selectionModel().currentIndex()
        if not idx.isValid() or not self.table.selectionModel().isRowSelected(idx.row(), QModelIndex()):
            return -1
        return int(self.proxy.data(idx, ClaimIndexRole))

    def select_claim(self, claim_index: int) -> bool:
        """Select the claim's row (clearing filters that hide it); False when there is no such claim."""
        row = self.model.row_for_claim(claim_index)
        if row < 0:
            return False
        src = self.model.index(row, 0)
        idx = self.proxy.mapFromSource(src)
        if not idx.isValid():
            self.clear_filters()
            idx = self.proxy.mapFromSource(src)
        self.table.selectionModel().setCurrentIndex(
            idx, QItemSelectionModel.SelectionFlag.ClearAndSelect | QItemSelectionModel.SelectionFlag.Rows
        )
        self.table.scrollTo(idx)
        return True

    def clear_filters(self) -> None:
        self.kind.setCurrentIndex(0)
        self.category.setCurrentIndex(0)
        self.flagged.setChecked(False)
        self.search.clear()

    def _on_current(self, current: QModelIndex, _previous: QModelIndex) -> None:
        self.claimSelected.emit(int(self.proxy.data(current, ClaimIndexRole)) if current.isValid() else -1)

    def _update_count(self) -> None:
        total = self.model.rowCount()
        shown = self.proxy.rowCount()
        flagged = sum(1 for r in self.model.rows() if r.flags)
        text = f"{total} claims" if shown == total else f"{shown} of {total} claims"
        if flagged:
            text += f" · ⚑ {flagged} flagged"
        self.count.setText(text)

    def _context_menu(self, pos) -> None:
        idx = self.table.indexAt(pos)
        if not idx.isValid() or not self.context_actions:
            return
        self.table.selectionModel().setCurrentIndex(
            idx, QItemSelectionModel.SelectionFlag.ClearAndSelect | QItemSelectionModel.SelectionFlag.Rows
        )
        menu = QMenu(self)
        for action in self.context_actions:
            if action is None:
                menu.addSeparator()
            else:
                menu.addAction(action)
        menu.popup(self.table.viewport().mapToGlobal(pos))
