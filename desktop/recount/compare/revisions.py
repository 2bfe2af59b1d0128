"""Revisions: a lower figure a report says was revised, by the teller who gave the first one,
and an older figure a report restates against its current one. compare/rules.py asks these
before it calls two figures a decrease or a conflict: a revision explained is another flag."""

from __future__ import annotations

import re
from collections.abc import Mapping

from recount.claims.model import NumericClaim
from recount.compare.credits import same_source
from recount.compare.figure_roles import REVISION
from recount.compare.flags import Discrepancy, cap, days_words, make_flag, report_name, what_counted
from recount.compare.identity import day_gap, scope
from recount.compare.metric import format_date, format_figure, interval, metric_label
from recount.compare.refs import Ref


def restatement_rule(old: Ref, new: Ref) -> Discrepancy | None:
    """Within one report, an older figure it restates against its current one: a revision
    when the current figure is lower (a running total only grows unless revised)."""
    co, cn = old.claim, new.claim
    assert isinstance(co, NumericClaim) and isinstance(cn, NumericClaim)
    if not interval(cn).hi < interval(co).lo:
        return None
    said = cn.sentence or ""
    if cn.category == "money" and _DECIDED.search(said) and not _CORRECTED.search(said):
        return None  # "the judge cut the damages from $289m to $78.5m": the sum changed, not the count
    what = what_counted(cn)
    src = cn.source or co.source or report_name(new)
    counted = f"count of {what}" if what else "figure"
    text = (f"{cap(src)} revised its {counted} down: {report_name(new)} gives {format_figure(cn)}, "
            f"down from the earlier {format_figure(co)} it also reports.")
    return make_flag("revision", metric_label(cn, new.published), old, new, text)


# a sum a decision changed: a court's award, a regulator's fine, a budget a body cut
_DECIDED = re.compile(r"\b(?:judge|court|jury|tribunal|regulators?|commission|parliament|lawmakers|board|"
                      r"government|council)\b[^.;]{0,120}\b(?:cut|cuts|reduc\w*|decreas\w*|lower\w*|slash\w*|"
                      r"trimm?\w*|rais\w*|increas\w*)\b", re.IGNORECASE)
_CORRECTED = re.compile(r"\b(?:correct\w*|error|mistake|miscalculat\w*|double[- ]count\w*)\b", re.IGNORECASE)
# a later official estimate of the same period: "by the office's third estimate of the quarter"
_LATER_ESTIMATE = re.compile(r"\b(?:second|third|final|revised|updated|later)\s+estimates?\b", re.IGNORECASE)


def revised(first: Ref, later: Ref, label: str, what: str, gap: int, speakers: Mapping[str, str] | None
             ) -> Discrepancy | None:
    """A lower figure the later report says was revised, by the same teller (or one unnamed): a revision."""
    cf, cl = first.claim, later.claim
    assert isinstance(cf, NumericClaim) and isinstance(cl, NumericClaim)
    said = cl.sentence or ""
    if not (REVISION.search(said) or REVISION.search(cl.span) or _LATER_ESTIMATE.search(said)):
        return None
    if not (same_source(cf.source, cl.source, speakers) or not cf.source or not cl.source):
        return None
    since = f" since {format_date(cl.time.start)}" if scope(cl) == "cumulative" and cl.time.start else ""
    src = cl.source or cf.source or report_name(later)
    way = "down" if float(cl.value) < float(cf.value) else "up"
    counted = f"count of {what}" if what else "figure"
    if gap == 0:  # one moment's figure, given again in a later report: say when each report gave it
        apart = day_gap(first.published, later.published) or 0
        text = (f"{src} revised its {counted}{since} {way}: {format_figure(cf)} ({report_name(first)}, "
                f"{format_date(first.published)}) became {format_figure(cl)} ({report_name(later)}, "
                f"{format_date(later.published)}), {days_words(apart)}, both for {format_date(later.as_of)}.")
        return make_flag("revision", label, first, later, text)
    text = (f"{src} revised its {counted}{since} {way}: {format_figure(cf)} "
            f"({report_name(first)}, {format_date(first.as_of)}) became {format_figure(cl)} "
            f"({report_name(later)}, {format_date(later.as_of)}), {days_words(gap)}.")
    return make_flag("revision", label, first, later, text)
