"""The library browser's table model: stored reports a page at a time, with their claim counts.

The model holds only the rows it has shown (a page at a time, fetched as the user scrolls,
like Anki's browser), so a library of 100,000 reports opens as fast as one of ten. Each page
is two queries (the reports, then their claim counts), never a query while painting.
"""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass
from typing import Any

from PySide6.QtCore import QAbstractTableModel, QModelIndex, QPersistentModelIndex, Qt, Signal

PAGE_SIZE = 200
_WORD = re.compile(r"\w+", re.UNICODE)

# Qt asks data() for about eight roles of every visible cell at each repaint: the roles and
# flags as plain ints, worked out once (a PySide enum lookup or `|` costs microseconds each).
_DISPLAY = int(Qt.ItemDataRole.DisplayRole)
_TOOLTIP = int(Qt.ItemDataRole.ToolTipRole)
_ALIGNMENT = int(Qt.ItemDataRole.TextAlignmentRole)
_ID_ROLE = int(Qt.ItemDataRole.UserRole) + 1
_RIGHT = int((Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter).value)
_ROW_FLAGS = Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemIsSelectable | Qt.ItemFlag.ItemNeverHasChildren
_NO_FLAGS = Qt.ItemFlag.NoItemFlags

Index = QModelIndex | QPersistentModelIndex


def search_query(text: str) -> str | None:
    """Typed text as an FTS5 query of plain words (the last one as a prefix, for search-as-you-type).

    Operators and punctuation lose their meaning, so nothing typed can be a syntax error.
    """
    words = list(dict.fromkeys(_WORD.findall(text or "")))
    if not words:
        return None
    quoted = ['"{}"'.format(w.replace('"', '""')) for w in words]
    if not text[-1].isspace():
        quoted[-1] += "*"
    return " AND ".join(quoted)


@dataclass(slots=True)
class ArticleRow:
    """What the table shows of a stored report (its text stays in the library)."""

    id: int
    title: str | None
    outlet: str | None
    published: str | None
    added_at: str | None
    url: str | None
    ext_id: str | None


def _added(value: str | None) -> str:
    if not value:
        return ""
    try:
        moment = dt.datetime.fromisoformat(value.replace("Z", "+00:00"))
    except ValueError:
        return value[:16]
    if moment.tzinfo is not None:
        moment = moment.astimezone()  # stored in UTC, shown in the user's time
    return moment.strftime("%Y-%m-%d %H:%M")


class ArticlesModel(QAbstractTableModel):
    """Stored reports, newest first (best matches first when searching), a page at a time."""

    COLUMNS = ("Title", "Outlet", "Published", "Claims", "Added")
    ArticleIdRole = Qt.ItemDataRole.UserRole + 1
    loadFailed = Signal(object)  # the exception, when the library could not be read

    def __init__(self, parent: Any = None) -> None:
        super().__init__(parent)
        self._library: Any = None
        self._query: str | None = None
        self._rows: list[ArticleRow] = []
        self._exhausted = True
        self._claims: dict[int, int] = {}
        self._texts: dict[int, tuple[str, ...]] = {}  # each row's five cells, worked out once

    # ---- loading

    def set_library(self, library: Any) -> None:
        self._library = library
        self.reload()

    def set_search(self, text: str) -> None:
        self._query = search_query(text)
        self.reload()

    def searching(self) -> bool:
        return self._query is not None

    def reload(self) -> None:
        # The first page is read inside the reset: views see one consistent change.
        self.beginResetModel()
        self._rows, self._claims, self._texts = [], {}, {}
        self._exhausted = self._library is None
        failure = None
        try:
            if self._library is not None:
                self._rows = self._page(0)
                self._exhausted = len(self._rows) < PAGE_SIZE
        except Exception as exc:  # shown by the browser; the table stays usable (empty)
            self._rows, self._exhausted, failure = [], True, exc
        finally:
            self.endResetModel()
        if failure is not None:
            self.loadFailed.emit(failure)

    def _page(self, offset: int) -> list[ArticleRow]:
        """A page of reports and their claim counts: two queries, whatever the page size."""
        found = self._library.articles(self._query, limit=PAGE_SIZE, offset=offset, with_text=False)
        self._claims.update(self._library.claim_counts(a.id for a in found))
        return [_row(a) for a in found]

    def canFetchMore(self, parent: Index) -> bool:  # Qt API
        return not parent.isValid() and not self._exhausted

    def fetchMore(self, parent: Index) -> None:  # Qt API
        if parent.isValid() or self._exhausted:
            return
        try:
            rows = self._page(len(self._rows))
        except Exception as exc:  # called by the view from C++: report, don't raise
            self._exhausted = True
            self.loadFailed.emit(exc)
            return
        known = {r.id for r in self._rows}
        rows = [r for r in rows if r.id not in known]  # a report added meanwhile shifts the pages
        if len(rows) < PAGE_SIZE:
            self._exhausted = True
        if rows:
            first = len(self._rows)
            self.beginInsertRows(QModelIndex(), first, first + len(rows) - 1)
            self._rows.extend(rows)
            self.endInsertRows()
        else:
            self._exhausted = True

    def all_loaded(self) -> bool:
        return self._exhausted

    # ---- reading

    def rowCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008 - Qt API default
        return 0 if parent.isValid() else len(self._rows)

    def columnCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008 - Qt API default
        return 0 if parent.isValid() else len(self.COLUMNS)

    def headerData(self, section: int, orientation: Qt.Orientation, role: int = _DISPLAY):
        if orientation == Qt.Orientation.Horizontal and 0 <= section < len(self.COLUMNS):
            if role == _DISPLAY:
                return self.COLUMNS[section]
            if role == _ALIGNMENT and section == 3:
                return _RIGHT
        return None

    def row(self, row: int) -> ArticleRow:
        return self._rows[row]

    def row_of(self, article_id: int) -> int | None:
        for i, r in enumerate(self._rows):
            if r.id == article_id:
                return i
        return None

    def _cells(self, r: ArticleRow) -> tuple[str, ...]:
        """The row's five texts, worked out the first time it is painted (claim counts come
        with the row's page: never a query while painting)."""
        texts = self._texts.get(r.id)
        if texts is None:
            n = self._claims.get(r.id, -1)
            texts = (r.title or r.ext_id or f"Report {r.id}", r.outlet or "", r.published or "",
                     "" if n < 0 else f"{n:,}", _added(r.added_at))
            self._texts[r.id] = texts
        return texts

    def data(self, index: Index, role: int = _DISPLAY) -> Any:
        # Called for every role of every visible cell at each repaint: cheap tests first.
        row, col = index.row(), index.column()
        if not (0 <= row < len(self._rows) and 0 <= col < len(self.COLUMNS)):
            return None  # an invalid index has row -1
        r = self._rows[row]
        if role == _DISPLAY:
            return self._cells(r)[col]
        if role == _ALIGNMENT:
            return _RIGHT if col == 3 else None
        if role == _TOOLTIP and col == 0:
            parts = [r.title or "(no title)"]
            if r.url:
                parts.append(r.url)
            if r.ext_id:
                parts.append(f"Imported as {r.ext_id}")
            return "\n".join(parts)
        if role == _ID_ROLE:
            return r.id
        return None

    def flags(self, index: Index) -> Qt.ItemFlag:
        return _ROW_FLAGS if index.isValid() else _NO_FLAGS

    # ---- changing (after the library changed): only the rows that changed, never a reset

    def remove_ids(self, ids: set[int]) -> None:
        """Drop rows, one removal per run of neighbouring rows (the view relays out once per run)."""
        i = len(self._rows) - 1
        while i >= 0:
            if self._rows[i].id not in ids:
                i -= 1
                continue
            last = i
            while i > 0 and self._rows[i - 1].id in ids:
                i -= 1
            self.beginRemoveRows(QModelIndex(), i, last)
            del self._rows[i : last + 1]
            self.endRemoveRows()
            i -= 1

    def insert_rows(self, rows: list[ArticleRow], claims: dict[int, int] | None = None) -> None:
        """Show reports that are back in the library (a restore) where the list orders them,
        newest first, without reading the list again; one past the loaded pages comes with its
        page. While searching the order is the search's rank, unknown here: read again."""
        if self._query is not None:
            self.reload()
            return
        self._claims.update(claims or {})
        known = {r.id for r in self._rows}
        for new in sorted((r for r in rows if r.id not in known), key=_order, reverse=True):
            self._texts.pop(new.id, None)
            at = self._place(new)
            if at == len(self._rows) and not self._exhausted:
                continue  # beyond the rows shown so far: fetchMore reads it in its place
            self.beginInsertRows(QModelIndex(), at, at)
            self._rows.insert(at, new)
            self.endInsertRows()

    def _place(self, new: ArticleRow) -> int:
        """Where `new` goes in the list, ordered as Library.articles lists (published, id: newest first)."""
        key = _order(new)
        lo, hi = 0, len(self._rows)
        while lo < hi:
            mid = (lo + hi) // 2
            if _order(self._rows[mid]) > key:
                lo = mid + 1
            else:
                hi = mid
        return lo

    def update_row(self, stored: Any) -> None:
        """Show a report's new details (a StoredArticle read back by the worker that wrote them)."""
        i = self.row_of(stored.id)
        if i is None:
            return
        self._rows[i] = _row(stored)
        self._texts.pop(stored.id, None)
        self.dataChanged.emit(self.index(i, 0), self.index(i, len(self.COLUMNS) - 1))


def _order(r: ArticleRow) -> tuple[bool, str, int]:
    """The library's list order as a key (SQLite puts reports without a date last)."""
    return (r.published is not None, r.published or "", r.id)


def _row(a: Any) -> ArticleRow:
    return ArticleRow(a.id, a.title, a.outlet, a.published, a.added_at, a.url, a.ext_id)

