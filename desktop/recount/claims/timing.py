"""When a figure holds: a day, a running total since the story began, a period, a point in time.

Read against the publication date and what the article says of its own story: the event's
day ("Saturday's election", "a week after the storm hit"), a since-phrase, the day words were
said ("the ministry said on Sunday"), "by 28 April", "so far", "still missing".
"""

from __future__ import annotations

from datetime import date, timedelta
from functools import cached_property

from recount.claims import time_words as tw
from recount.claims.cues import NEEDS_CONTENT, describes_state, is_speech
from recount.claims.dates import DateRef, days_before, iso, not_after, past_event
from recount.claims.document import Document, Memo
from recount.claims.figures import Figure
from recount.claims.model import TimeSpan
from recount.claims.occasions import occasions_of
from recount.claims.retrie import rx
from recount.claims.social_posts import post_days
from recount.claims.story_days import polling_day, story_start
from recount.claims.time_relations import (
    brought_on,
    campaign,
    comparison_base,
    figure_between,
    figure_day,
    in_aside,
    other_clause,
    own_dates,
)


class TimeReader:
    """The time phrases of one document and what they say of each figure (caches per sentence)."""

    def __init__(self, doc: Document, dates_by_sentence: list[list[DateRef]]) -> None:
        self.doc = doc
        self.pub = doc.published
        self.year_before = days_before(doc.published, timedelta(days=365))  # older dates are history
        self.dates_by_sentence = dates_by_sentence
        self._said_cache: dict[int, date | None] = {}
        self._since_cache: dict[int, tuple[bool, date | None, DateRef | None]] = {}
        self._said_ref_cache: dict[int, bool] = {}
        self._attribution_date = Memo(self._find_attribution_date)  # si -> date (once per sentence)
        self._occasions = occasions_of(doc, dates_by_sentence)
        self.story_start = story_start(doc, dates_by_sentence, self._is_said, self._said_date)
        self.polling_day = polling_day(doc, dates_by_sentence)
        self.post_days = post_days(doc, dates_by_sentence) if "(@" in doc.text else {}

    @cached_property
    def _fire_story(self) -> bool:
        """A report about a fire: the acres it names are the area burned so far."""
        return bool(tw.FIRE.search(self.doc.text))

    # ---------------------------------------------------------------- time
    def _since(self, si: int) -> tuple[bool, date | None, DateRef | None]:
        """(has a since-phrase, its start date, the date ref it uses) for the sentence
        (once per sentence: every figure of the sentence asks)."""
        found = self._since_cache.get(si)
        if found is None:
            found = self._since_cache[si] = self._find_since(si)
        return found

    def _find_since(self, si: int) -> tuple[bool, date | None, DateRef | None]:
        s = self.doc.sentences[si]
        text = self.doc.text
        for m in tw.SINCE.finditer(text, s.start, s.end):
            comma = text.find(",", m.end(), s.end)
            limit = min(m.end() + 80, comma if comma >= 0 else s.end)
            for d in self.dates_by_sentence[si]:
                if m.end() <= d.start < limit:
                    return True, not_after(d.first, self.pub), d  # "since 3 July" said in May: last July
            return True, None, None
        return False, None, None

    def _find_attribution_date(self, si: int) -> date | None:
        """The day the figure was given ('the ministry said on Sunday'), in the sentence or before."""
        sents = self.doc.sentences
        i = si
        # a bounded look back (news paragraphs are short; a pasted wall of text must stay linear)
        # "The agency said on Sunday ... ¶ It added that ...": the words go on, across a paragraph
        goes_on = tw.WENT_ON.search(self.doc.text, sents[si].start, sents[si].end) is not None
        # "... the magistrate has informed us the count stands at 175": a new speaker's words are not dated
        # by an earlier sentence's statement
        new_speaker = not goes_on and tw.named_cue().search(self.doc.text, sents[si].start, sents[si].end)
        while i >= max(0, si - tw.LOOK_BACK) and (goes_on or sents[i].paragraph == sents[si].paragraph):
            said = self._said_date(i)
            if said is not None:
                return said
            if new_speaker:
                break
            i -= 1
        if (day := self._occasions.day_of(si)) is not None:
            return day  # "held a news conference on Thursday ... ¶ He said": that day's words
        s = sents[si]
        if s.paragraph in self.post_days:
            return self.post_days[s.paragraph]  # the words of an embedded post
        days = set(self.post_days.values())
        if len(days) == 1 and tw.VIA_POST.search(self.doc.text, s.start, s.end):
            return days.pop()  # "the agency confirmed via Twitter": the day of its one post
        return None

    def _is_said(self, d: DateRef, sentence_start: int) -> bool:
        """Whether a date tells when something was said ('the ministry said on Sunday')."""
        hit = self._said_ref_cache.get(d.start)
        if hit is None:
            text = self.doc.text
            window = text[max(sentence_start, d.start - 45) : d.start]
            # "added that in the past week ...": a date inside the reported clause is the figure's
            after = text[d.end : d.end + 30]
            if tw.STATEMENT_OF_DAY.match(after):
                hit = True  # "Tuesday's statement by a police spokesman"
            elif tw.EVENT_POSSESSIVE.match(after):
                hit = False  # "raised the count from Friday's raids": the event's day, not the words'
            else:
                cue = tw.report_verb().search(window)
                word = cue[0].split()[0] if cue is not None else ""
                if cue is not None and describes_state(word, window, cue.start() + len(word)):
                    cue = None  # "five more confirmed cases logged over the past two days"
                elif cue is not None and word.lower() in NEEDS_CONTENT:
                    sent = self.doc.sentence_at(d.start)
                    at = max(sentence_start, d.start - 45) + cue.start() + len(word)
                    if sent is not None and not is_speech(word.lower(), text, at, sent.end):
                        cue = None  # "declared an outbreak on February 20": an act's day, not words'
                if cue is not None and tw.CLAUSE_VERB.search(window, cue.start() + len(word)):
                    cue = None  # "said four more perished inside the previous day": the clause's own time
                hit = (cue is not None and not tw.THAT.search(window)) or (
                    # "On Tuesday, the agency's spokesman said that ...", "This week, it said ...": an
                    # opening day or week of a said-clause
                    d.kind in ("day", "period")
                    and tw.OPENING.fullmatch(text[sentence_start : d.start]) is not None
                    and tw.said_after_day().match(text, d.end, min(len(text), d.end + 100)) is not None
                ) or (d.kind == "day" and tw.SAID_RIGHT_AFTER.match(after) is not None)
            self._said_ref_cache[d.start] = hit
        return hit

    def _said_date(self, i: int) -> date | None:
        """The first 'said on <day>' date of sentence i (computed once per sentence)."""
        if i in self._said_cache:
            return self._said_cache[i]
        s = self.doc.sentences[i]
        found = None
        for d in self.dates_by_sentence[i]:
            if d.kind == "day" and self._is_said(d, s.start):
                found = d.first
                break
        self._said_cache[i] = found
        return found

    def time_of(self, si: int, fig: Figure, category: str, after_full: str) -> TimeSpan:
        doc, text = self.doc, self.doc.text
        s = doc.sentences[si]
        sentence = text[s.start : s.end]
        dates = self.dates_by_sentence[si]
        pub = self.pub

        if tw.POPULATION.search(text[max(s.start, fig.start - 45) : fig.start]) or (
            category == "count" and tw.BEFORE_WAR.search(after_full[:60])
        ):
            if tw.BEFORE_WAR.search(text[max(s.start, fig.start - 80) : fig.start] + after_full[:60]):
                return TimeSpan(None, None, "point")  # "before the war, home to 80,000": undated
            return TimeSpan(iso(pub), iso(pub), "point")  # "a city home to 100,000": as the report stands
        if tw.RATE.match(after_full[:50].lstrip()):
            return TimeSpan(None, None, "unknown")
        if tw.CHANGE_BY.search(text[max(s.start, fig.start - 120) : fig.start]):
            # "the toll was reduced by 106", "less by more than 100": a difference, not a total
            return TimeSpan(None, iso(self._attribution_date[si] or pub), "unknown")

        has_since, since_date, since_ref = self._since(si)
        # History: "since 1987, when a quake ... killed 2,000"; "An earthquake on March 2, 1987, killed";
        # "2,000 in 1987 and 300 in 1999": the year right after a figure first
        old = [d for d in dates if d.first and d.last and d.last < self.year_before]
        if len(old) > 1:
            old.sort(key=lambda d: d.start < fig.end or figure_between(text, fig, d))
        for d in old:
            if in_aside(text, s.start, s.end, d, fig):
                continue  # "X, who seized power 12 years ago, won 71% in 2019": the aside's date
            if comparison_base(text, s.start, d) or (d.start > fig.end and figure_between(text, fig, d)):
                continue  # "a third lower than in 2015", "down from 67% in 2019": the other's
            if d is since_ref and not rx(r"\bwhen\b").search(text[d.end : fig.start]) and \
                    not tw.SINCE_FIGURE.search(text, s.start, fig.start):
                continue  # "since October 19, 2024, 60,000 have left": a running total's start
                # (but "the worst since 212 drowned when a barge capsized in 2009": that year's)
            return TimeSpan(iso(d.first), iso(d.last), "day" if d.kind == "day" else "period")

        past = past_event(text, s.start, fig.start, pub) if category in tw.CASUALTY_CATS else None
        if past is not None:  # "came six years after a fire that left 51 workers dead"
            return TimeSpan(iso(past.first), iso(past.last), "period")
        att = self._attribution_date[si]
        day_ref = figure_day(text, s.start, s.end, dates, fig, since_ref, self._is_said)
        # "this week's earthquake" dates the event, not the figure; "the $12 million it appealed
        # for last week" is dated by its appeal
        period_ref = next((d for d in dates if d.kind in ("period", "month") and d is not since_ref
                           and (category == "money" or not self._is_said(d, s.start))
                           and not tw.EVENT_POSSESSIVE.match(text[d.end : d.end + 30])
                           and not tw.ONSET_BEFORE.search(text, max(s.start, d.start - 25), d.start)
                           and not other_clause(text, fig, d)
                           and not comparison_base(text, s.start, d)
                           and not figure_between(text, fig, d)), None)
        if period_ref is not None and att is not None and att < pub and period_ref.last == pub and \
                period_ref.first is not None and tw.PAST_SPAN.search(text, period_ref.start, period_ref.end):
            # "in the past week, the agency said on Sunday": the week before its words, not before print
            back = pub - att
            period_ref = DateRef(period_ref.start, period_ref.end, period_ref.first - back, att, "period")
        if has_since and period_ref is not None and since_ref is not None and (
                fig.end <= period_ref.start < since_ref.start):
            has_since = False  # "180 died between January 20 and February 20, the most since 2021"
        if period_ref is None and self.story_start is not None:
            # "over the following day": from the event the story is about
            following = next((d for d in dates if d.kind.startswith("following:")), None)
            if following is not None:
                days = int(following.kind.split(":")[1])
                try:
                    until = min(pub, self.story_start + timedelta(days=days))
                except OverflowError:
                    until = pub
                period_ref = DateRef(following.start, following.end, self.story_start, until, "period")
        start = since_date if has_since and since_date else self.story_start
        tail_at = max(s.start, fig.start - 60)
        tail = text[tail_at : fig.start]
        brought = brought_on(text, dates, tail_at, tail, since_ref)
        if brought is not None and category in (*tw.CASUALTY_CATS, "count", "money", "missing"):
            # "nine more were found on Tuesday, bringing the toll to 212": the total as of that day
            return TimeSpan(iso(start), iso(brought), "cumulative")
        toll_at = tw.TOLL_BEFORE.search(tail)
        # "The toll is now 48 after five more bodies were recovered": the toll is the other figure's
        toll = toll_at is not None and category == "killed" and (
            not tw.DIGIT.search(tail, toll_at.end()) or tw.FROM_TO_TAIL.search(tail) is not None)
        perfect = bool(tw.PERFECT.search(after_full[:80]))
        # "212 have been confirmed dead and 35 are still missing": "still" is the other figure's
        still = bool(tw.STILL.search(tw.NEXT_FIGURE.split(after_full[:60], 1)[0]))

        by_ref = next((d for d in dates if d.kind == "day"  # (not "hit by Monday's earthquake")
                       and not tw.EVENT_POSSESSIVE.match(text[d.end : d.end + 30])
                       and tw.BY_DATE.search(text[max(s.start, d.start - 40) : d.start])), None)
        before_ref = next((d for d in dates if d.kind == "day" and d.start >= fig.end and d.first
                           and tw.BEFORE_DAY.fullmatch(text, fig.end, d.start)), None)
        if before_ref is not None and category in ("missing", *tw.CASUALTY_CATS, "count"):
            return TimeSpan(None, iso(before_ref.first), "unknown")  # "cut to 605 people before Thanksgiving"
        if by_ref is not None and (category == "missing" or still):
            return TimeSpan(iso(by_ref.first), iso(by_ref.first), "point")  # "As of Friday, ... dropped to"
        if (by_ref is not None and category == "money" and by_ref.first is not None and by_ref.first > pub
                and not text[max(s.start, by_ref.start - 12) : by_ref.start].lower().rstrip().endswith("by")):
            # "to cover the response up to May 18": a budget for a period ahead, not a total so far
            return TimeSpan(iso(att or pub), iso(by_ref.first), "period")
        if by_ref is not None and category in (*tw.CASUALTY_CATS, "count", "money") and (
                by_ref.start >= fig.end or tw.TOLL_BEFORE.search(tail) or perfect
                or (period_ref is None and (tw.SO_FAR.search(sentence) or tw.STAND_AT.search(tail)))):
            # "killed ... by 28 April"; "As of March 12, cumulative cases stand at 48"
            return TimeSpan(iso(start), iso(by_ref.first), "cumulative")
        if (category == "count" and tw.ADMIN_UNITS.match(after_full)
                and tw.ADMIN_WHOLE_BEFORE.search(tail[-30:])):
            d = self.polling_day or att or pub
            return TimeSpan(iso(d), iso(d), "point")  # "from all 36 states": the country's parts
        near = text[max(s.start, fig.start - 80) : min(s.end, fig.end + 40)]
        # votes are cast on polling day, whenever the count was announced ("yesterday ... re-elected
        # with almost 4m votes")
        if (self.polling_day is not None and category in ("count", "percent") and period_ref is None
                and tw.VOTE_RESULT.search(near) and not campaign(text, s.start, fig.start)):
            return TimeSpan(iso(self.polling_day), iso(self.polling_day), "day")
        if category == "money" and not has_since and period_ref is None:
            lead = text[max(s.start, fig.start - 60) : fig.start]
            own_day = day_ref.first if day_ref else att
            future = tw.FUTURE_PLEDGE.search(text, max(s.start, fig.start - 100), fig.start)
            if future and (own_day is not None or not future.group().lower().startswith("would")):
                d = own_day or pub
                return TimeSpan(iso(d), iso(d), "day")  # "will contribute a total of": promised that day
            grown = (tw.REACHED.search(lead) or tw.SO_FAR.search(after_full[:60])
                     or tw.BRINGING_TOTAL.search(lead))
            if grown and not tw.ACCOUNTS.search(text, max(s.start, fig.start - 120), fig.start):
                return TimeSpan(iso(start), iso(att or pub), "cumulative")  # "pledges have reached"
            if future or tw.PLEDGE.search(text[max(s.start, fig.start - 100) : fig.start]):
                if own_day is None:  # "has pledged EUR10m", "said they would be giving": when, unsaid
                    return TimeSpan(None, iso(pub), "unknown")
                return TimeSpan(iso(own_day), iso(own_day), "day")  # "said Tuesday it will donate"
        if category == "arrested" and tw.NOW_HELD.search(sentence):
            return TimeSpan(iso(start), iso(att or pub), "cumulative")
        if (category == "missing" and day_ref is None and period_ref is None
                and tw.LIST_CHANGE.search(tail) and not tw.PRESENT.search(tail[-40:])):
            return TimeSpan(None, iso(att or pub), "unknown")  # "the list swelled to 1,200": when, unsaid
        if category == "missing" or (still and category in ("displaced", "count", "troops", "wounded")):
            # "over the weekend the list rose to 900": the list as it stood then
            ref = day_ref or (period_ref if category == "missing" and not has_since else None)
            if ref is not None:
                return TimeSpan(iso(ref.first), iso(ref.last), "point")
            d = att or pub
            return TimeSpan(iso(d), iso(d), "point")
        earlier = tw.EARLIER_GIVEN.search(text, max(s.start, fig.start - 120), fig.start)
        if category in tw.CASUALTY_CATS and earlier and not own_dates(text, fig, dates):
            # "had previously put the toll at", "Earlier it was reported that ...": undated
            return TimeSpan(iso(start), None, "cumulative")
        if category in tw.CASUALTY_CATS and (
            tw.PREVIOUS_FIGURE.search(text, max(s.start, fig.start - 60), fig.start)
            or tw.NOT_FIGURE.search(text, max(s.start, fig.start - 12), fig.start)
            or (tw.CHANGED_FROM.search(text, max(s.start, fig.start - 90), fig.start)
                and tw.CHANGED_TO.match(after_full))
        ):
            # "from the earlier figure of 412", "our initial estimate was 330": given before the new one
            end = days_before(att or pub, timedelta(days=1))
            return TimeSpan(iso(start), iso(end), "cumulative")
        if category in tw.CASUALTY_CATS and not has_since and period_ref is None and \
                tw.FRESH_AFTER.match(after_full):
            d = day_ref.first if day_ref else (att or pub)  # "nine fresh deaths were logged on Friday"
            return TimeSpan(iso(d), iso(d), "day")
        if category in tw.CASUALTY_CATS:
            if toll and (period_ref is None or period_ref.start < fig.start):  # "a total of 225 ... in May"
                if day_ref and tw.EVENT_CLAUSE.search(text, fig.end, day_ref.start):
                    day_ref = None  # "risen to 238 in the crash that occurred on Friday": the event's day
                end = day_ref.first if day_ref else (att or pub)
                return TimeSpan(iso(start), iso(end), "cumulative")
            if day_ref and not perfect:
                return TimeSpan(iso(day_ref.first), iso(day_ref.last), "day")
            if period_ref and not has_since:
                return TimeSpan(iso(period_ref.first), iso(period_ref.last), "period")
            if self.story_start is not None and not has_since and tw.WHEN_HARMED.match(after_full):
                # "30 were injured when the train ran off the tracks": the event's own day
                return TimeSpan(iso(self.story_start), iso(self.story_start), "day")
            return TimeSpan(iso(start), iso(att or pub), "cumulative")
        if category == "count" and day_ref is None and self.story_start is not None and (
            tw.EVENT_PART_AFTER.match(after_full) or tw.EVENT_PART_BEFORE.search(tail)
        ):
            # "the three churches hit by the bombers", "carried out by seven attackers": the event's day
            return TimeSpan(iso(self.story_start), iso(self.story_start), "day")
        if category == "count" and tw.AREA.match(after_full) and self._fire_story and not day_ref:
            return TimeSpan(iso(start), iso(att or pub), "cumulative")  # the area a fire has burned
        if category == "money" and tw.FUTURE_PERIOD.search(after_full):
            return TimeSpan(iso(att or pub), None, "period")
        if period_ref and not has_since and category not in ("count",):
            return TimeSpan(iso(period_ref.first), iso(period_ref.last), "period")
        if category in ("count",):
            if day_ref and not perfect:
                return TimeSpan(iso(day_ref.first), iso(day_ref.last), "day")
            # "63 cases in all, five of them in the past two days": with a period
            # of its own, a figure is a running total only when its own words say so
            own = tail.rsplit(",", 1)[-1] + after_full[:60].split(",", 1)[0]
            so_far = tw.SO_FAR.search(own if period_ref else sentence) or (
                perfect and tw.ACCUMULATING.search(after_full[:80]))
            if has_since or so_far or tw.PERFECT_BEFORE.search(tail) or tw.BRINGING_TOTAL.search(tail):
                return TimeSpan(iso(start), iso(att or pub), "cumulative")
            if period_ref:
                return TimeSpan(iso(period_ref.first), iso(period_ref.last), "period")
        d = by_ref.first if by_ref is not None and by_ref.first else att or pub  # "As of 3 March, 412 ..."
        if category == "money" and not still:
            # a sum with no verb or day that dates it ("an appeal for $71.4 million", "- €200m from a
            # bank"): when it holds is not said (real fact-checkers' reading; the invented corpus
            # had called it a point)
            return TimeSpan(None, iso(d), "unknown")
        return TimeSpan(iso(d), iso(d), "point")
