"""The article pane: metadata fields over an editor that shows the claims' spans.

It shows and forwards: edits, dropped files and clicks on a highlighted claim become
signals; the window decides what to do with them.
"""

from __future__ import annotations

import re
from datetime import date

from PySide6.QtCore import QRegularExpression, Qt, Signal
from PySide6.QtGui import QFontDatabase, QRegularExpressionValidator, QTextCursor
from PySide6.QtWidgets import (
    QFormLayout,
    QHBoxLayout,
    QLineEdit,
    QPlainTextEdit,
    QVBoxLayout,
    QWidget,
)

from recount.claims.model import Article
from recount.ui.highlighter import SpanHighlighter
from recount.ui.results import ClaimRow
from recount.ui.theme import colours

ARTICLE_SUFFIXES = (".txt", ".md", ".markdown", ".html", ".htm", ".xhtml")
_ISO = re.compile(r"^\d{4}-\d{2}-\d{2}$")


class ArticleEditor(QPlainTextEdit):
    """Plain-text editor that accepts dropped files and reports clicks on claim spans."""

    fileDropped = Signal(str)
    claimClicked = Signal(int)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.highlighter = SpanHighlighter(self)
        self.setAcceptDrops(True)
        self.setAccessibleName("Article text")
        self.setPlaceholderText(
            "Paste or type a news report here, open a file (Ctrl+O) or drop one.\n\n"
            "Recount lists every figure and quote in it and checks them against the earlier "
            "reports in your library."
        )
        self.setLineWrapMode(QPlainTextEdit.LineWrapMode.WidgetWidth)
        font = QFontDatabase.systemFont(QFontDatabase.SystemFont.GeneralFont)
        font.setPointSizeF(font.pointSizeF() * 1.1)
        self.setFont(font)
        self.document().setDocumentMargin(10)

    def _local_file(self, mime) -> str | None:
        if mime.hasUrls():
            for url in mime.urls():
                if url.isLocalFile():
                    return url.toLocalFile()
        return None

    def dragEnterEvent(self, event) -> None:
        if self._local_file(event.mimeData()):
            event.acceptProposedAction()
        else:
            super().dragEnterEvent(event)

    def dragMoveEvent(self, event) -> None:
        if self._local_file(event.mimeData()):
            event.acceptProposedAction()
        else:
            super().dragMoveEvent(event)

    def dropEvent(self, event) -> None:
        path = self._local_file(event.mimeData())
        if path:
            event.acceptProposedAction()
            self.fileDropped.emit(path)
        else:
            super().dropEvent(event)

    def mouseReleaseEvent(self, event) -> None:
        super().mouseReleaseEvent(event)
        if event.button() == Qt.MouseButton.LeftButton and not self.textCursor().hasSelection():
            claim = self.highlighter.claim_at(self.cursorForPosition(event.position().toPoint()).position())
            if claim >= 0:
                self.claimClicked.emit(claim)


class ArticlePane(QWidget):
    """Outlet, date, title, URL and the text. `edited()` fires on any change the user makes."""

    edited = Signal()

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._loading = False
        self.outlet = QLineEdit()
        self.published = QLineEdit()
        self.title = QLineEdit()
        self.url = QLineEdit()
        for field, name, tip, placeholder in (
            (self.outlet, "Outlet", "The news outlet that published the report", "e.g. Continental Wire"),
            (
                self.published,
                "Published",
                "Publication date (YYYY-MM-DD): relative dates such as “on Sunday” are read from it",
                "YYYY-MM-DD",
            ),
            (self.title, "Title", "The report's headline", "Headline"),
            (self.url, "URL", "Where the report was published", "https://…"),
        ):
            field.setAccessibleName(name)
            field.setToolTip(tip)
            field.setPlaceholderText(placeholder)
            field.setClearButtonEnabled(True)
            field.textEdited.connect(self._user_edit)
        self.published.setValidator(
            QRegularExpressionValidator(QRegularExpression(r"^\d{0,4}(-\d{0,2}(-\d{0,2})?)?$"), self)
        )
        self.published.setMinimumWidth(self.fontMetrics().horizontalAdvance("2025-03-17") + 48)
        self.published.setMaximumWidth(self.published.minimumWidth() + 20)
        self.editor = ArticleEditor()
        self.editor.textChanged.connect(self._text_changed)

        top = QHBoxLayout()
        form1 = QFormLayout()
        form1.addRow("&Outlet", self.outlet)
        form1.addRow("&Title", self.title)
        form2 = QFormLayout()
        form2.addRow("&Published", self.published)
        form2.addRow("&URL", self.url)
        top.addLayout(form1, 3)
        top.addLayout(form2, 2)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addLayout(top)
        layout.addWidget(self.editor, 1)

    # ---- content
    def set_article(self, article: Article) -> None:
        """Show an article (from a file or the library) without counting it as a user edit."""
        self._loading = True
        try:
            self.outlet.setText(article.outlet or "")
            self.published.setText(article.published or "")
            self.title.setText(article.title or "")
            self.url.setText(article.url or "")
            self.editor.highlighter.clear()
            if self.editor.document().isEmpty():
                self.editor.setPlainText(article.text)
            else:
                # Replace through the undo stack: Ctrl+Z brings back what was there before.
                cursor = QTextCursor(self.editor.document())
                cursor.beginEditBlock()
                cursor.select(QTextCursor.SelectionType.Document)
                cursor.insertText(article.text)
                cursor.endEditBlock()
            self.editor.moveCursor(QTextCursor.MoveOperation.Start)
        finally:
            self._loading = False
        self.article_id = article.id

    article_id: str | None = None

    def article(self) -> Article:
        """The article as the user sees it now; a malformed date is left out, not guessed."""
        published = self.published.text().strip()
        if published and not _valid_date(published):
            published = ""
        text = self.editor.toPlainText()
        return Article(
            text=text,
            published=published or None,
            title=self.title.text().strip() or None,
            outlet=self.outlet.text().strip() or None,
            url=self.url.text().strip() or None,
            id=self.article_id,
            published_from="metadata" if published else "unknown",
        )

    def text(self) -> str:
        return self.editor.toPlainText()

    def is_empty(self) -> bool:
        return not self.editor.toPlainText().strip()

    # ---- highlights
    def show_claims(self, rows: list[ClaimRow], text: str) -> None:
        self.editor.highlighter.set_rows(rows, text, colours(self.palette()))

    def clear_claims(self) -> None:
        self.editor.highlighter.clear()

    def select_claim(self, claim_index: int) -> None:
        """Mark the claim as current, select its words and scroll them into view."""
        hl = self.editor.highlighter
        hl.set_current(claim_index, colours(self.palette()))
        span = hl.span_of(claim_index)
        if span is None:
            return
        cursor = self.editor.textCursor()
        cursor.setPosition(span[0])
        cursor.setPosition(span[1], QTextCursor.MoveMode.KeepAnchor)
        self.editor.setTextCursor(cursor)
        self.editor.centerCursor()

    # ---- edits
    def _text_changed(self) -> None:
        if not self._loading:
            self.edited.emit()

    def _user_edit(self) -> None:
        if not self._loading:
            self.edited.emit()

    def refresh_colours(self) -> None:
        self.editor.highlighter.apply(colours(self.palette()))


def _valid_date(text: str) -> bool:
    if not _ISO.match(text):
        return False
    try:
        date.fromisoformat(text)
    except ValueError:
        return False
    return True

