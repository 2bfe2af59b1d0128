"""The claims model (checked by qtmodeltester), its filters, and the row ↔ span link in the article."""

from __future__ import annotations

from _window_helpers import corpus_article, corpus_claims
from PySide6.QtCore import Qt
from PySide6.QtGui import QTextCharFormat

from recount.compare.rules import Discrepancy, FlagEnd
from recount.ui.article_pane import ArticlePane
from recount.ui.claims_model import FIGURE, FLAG, ClaimIndexRole, ClaimsFilter, ClaimsModel
from recount.ui.claims_table import ClaimsPanel
from recount.ui.results import ClaimRow

NAME = "ostrelo-continental-2025-03-17"


def rows_with_a_flag():
    article = corpus_article(NAME)
    claims = [c for c in corpus_claims(NAME, article.text) if c.start >= 0]
    rows = [ClaimRow(i, c) for i, c in enumerate(claims)]
    target = next(r for r in rows if r.claim.span == "killed 174 people")
    target.flags = [
        Discrepancy(
            "cumulative_decrease", "killed · Ostrelo · since 2025-03-03",
            FlagEnd("ostrelo-continental-2025-03-12", "at least 192", 0, 12, "2025-03-12", "Continental Wire",
                    None, 1),
            FlagEnd(None, target.claim.span, target.claim.start, target.claim.end, "2025-03-17",
                    "Continental Wire", None, None),
            "Continental Wire gave at least 192 killed on 12 March; on 17 March it gives 174.", "key-1",
        )
    ]
    return article, rows, target


def test_model_passes_qtmodeltester(qtmodeltester):
    _, rows, _ = rows_with_a_flag()
    model = ClaimsModel()
    model.set_rows(rows)
    qtmodeltester.check(model, force_py=True)
    assert model.rowCount() == len(rows)
    proxy = ClaimsFilter()
    proxy.setSourceModel(model)
    proxy.set_flagged_only(True)
    qtmodeltester.check(proxy, force_py=True)
    r = model.row_for_claim(rows[1].index)
    assert model.data(model.index(r, 0), ClaimIndexRole) == rows[1].index


def test_figure_and_flag_columns(qtbot):
    _, rows, target = rows_with_a_flag()
    model = ClaimsModel()
    model.set_rows(rows)
    r = model.row_for_claim(target.index)
    assert model.data(model.index(r, FIGURE)) == "174"
    assert model.data(model.index(r, FLAG)) == "⚑"
    assert "192" in model.data(model.index(r, FLAG), Qt.ItemDataRole.ToolTipRole)
    more = next(i for i, row in enumerate(rows) if row.claim.span == "wounded more than 500")
    assert model.data(model.index(more, FIGURE)) == "> 500"


def test_filters_kind_category_flagged_and_search(qtbot):
    _, rows, target = rows_with_a_flag()
    panel = ClaimsPanel()
    qtbot.addWidget(panel)
    panel.model.set_rows(rows)
    total = len(rows)
    numeric = sum(1 for r in rows if r.claim.kind == "numeric")
    panel.kind.setCurrentIndex(panel.kind.findData("numeric"))
    assert panel.proxy.rowCount() == numeric
    panel.kind.setCurrentIndex(0)
    panel.category.setCurrentIndex(panel.category.findData("killed"))
    assert 0 < panel.proxy.rowCount() < total
    panel.category.setCurrentIndex(0)
    panel.flagged.setChecked(True)
    assert panel.proxy.rowCount() == 1
    assert "1 of" in panel.count.text() and "flagged" in panel.count.text()
    panel.flagged.setChecked(False)
    panel.search.setText("Hensby")
    assert 0 < panel.proxy.rowCount() < total
    # Selecting a claim hidden by a filter clears the filters rather than failing silently.
    assert panel.select_claim(target.index)
    assert panel.search.text() == ""
    assert panel.selected_claim() == target.index


def test_sorting_by_figure_uses_the_number(qtbot):
    _, rows, _ = rows_with_a_flag()
    panel = ClaimsPanel()
    qtbot.addWidget(panel)
    panel.model.set_rows(rows)
    panel.kind.setCurrentIndex(panel.kind.findData("numeric"))
    panel.table.sortByColumn(FIGURE, Qt.SortOrder.DescendingOrder)
    values = [panel.model.claim_row(panel.proxy.mapToSource(panel.proxy.index(i, 0)).row()).claim.value
              for i in range(panel.proxy.rowCount())]
    assert values == sorted(values, reverse=True)


def test_row_and_highlight_select_each_other(qtbot):
    article, rows, target = rows_with_a_flag()
    pane = ArticlePane()
    panel = ClaimsPanel()
    for w in (pane, panel):
        qtbot.addWidget(w)
    pane.set_article(article)
    panel.model.set_rows(rows)
    pane.show_claims(rows, article.text)
    assert len(pane.editor.extraSelections()) == len(rows)

    # row -> span: the span's words become the editor's selection
    pane.select_claim(target.index)
    assert pane.editor.textCursor().selectedText() == "killed 174 people"

    # span -> row: a click inside a highlighted span names its claim
    panel.claimSelected.connect(pane.select_claim)
    pane.editor.claimClicked.connect(panel.select_claim)
    other = next(r for r in rows if r.claim.span.startswith("About 2,300"))
    pane.editor.show()
    qtbot.waitExposed(pane.editor)
    cursor = pane.editor.textCursor()
    cursor.setPosition(other.claim.start + 3)
    pane.editor.setTextCursor(cursor)
    rect = pane.editor.cursorRect(cursor)
    qtbot.mouseClick(pane.editor.viewport(), Qt.MouseButton.LeftButton, pos=rect.center())
    assert panel.selected_claim() == other.index
    assert pane.editor.textCursor().selectedText() == other.claim.span


def test_flagged_span_is_drawn_differently(qtbot):
    article, rows, _target = rows_with_a_flag()
    pane = ArticlePane()
    qtbot.addWidget(pane)
    pane.set_article(article)
    pane.show_claims(rows, article.text)
    selections = pane.editor.extraSelections()
    formats = {sel.cursor.selectedText(): QTextCharFormat(sel.format) for sel in selections}
    flagged = formats["killed 174 people"]
    plain = formats["22 trucks"]
    assert flagged.fontUnderline()
    assert flagged.background().color() != plain.background().color()
