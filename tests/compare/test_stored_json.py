"""The flags' JSON made faster is json's own, byte for byte: the listed flags' indented JSON
(commands/library_wide.indented) and the stored record (Discrepancy.record_json, from ends
made once per claim)."""

from __future__ import annotations

import json
import textwrap

import pytest
from hypothesis import given
from hypothesis import strategies as st

from recount.claims.model import AttributedClaim, NumericClaim, TimeSpan
from recount.commands.library_wide import indented, json_array
from recount.compare.flags import Discrepancy, make_flag
from recount.compare.refs import Ref

FLAG = {"type": "revision", "metric": "killed · Kessel province · since 2025-05-14",
        "a": {"article": "durmak-courier", "span": "347", "start": 164, "end": 167,
              "published": "2025-05-16"},
        "b": {"article": None, "span": "“289”", "start": 197, "end": 200, "published": None},
        "explanation": "Civil Protection Agency revised its count down: 347 became 289.\n\t\"quoted\" \\ é",
        "key": "60b26d0caaabd506", "diff": [["equal", "we will"], ["delete", "not"], ["insert", "never"]]}


def _json(item: object, margin: str) -> str:
    return textwrap.indent(json.dumps(item, indent=2, ensure_ascii=False), margin)


@pytest.mark.parametrize("item", [
    FLAG, {}, [], {"a": []}, {"a": {}}, [[]], {"k": {"j": {"i": [1, [2, {}]]}}},
    {"x": [1.5, -0.0, 1e300, 10 ** 30, True, False, None, 0]},
    {"nan": float("nan"), "inf": float("inf"), "-inf": float("-inf")},  # left to json
    {1: "int key", None: "null key"},  # left to json
    {"t": (1, 2)}, {"line\u2028break": "next\x85line"},
])
@pytest.mark.parametrize("margin", ["", "    "])
def test_indented_is_json_indent(item: object, margin: str) -> None:
    assert indented(item, margin) == _json(item, margin)


_values = st.recursive(
    st.none() | st.booleans() | st.integers() | st.floats() | st.text(),
    lambda inner: st.lists(inner, max_size=4) | st.dictionaries(st.text(max_size=5), inner, max_size=4),
    max_leaves=20)


@given(_values)
def test_indented_any_json_value(value: object) -> None:
    assert indented(value, "    ") == _json(value, "    ")


def test_json_array_is_one_json_document() -> None:
    text = "".join(json_array("discrepancies", [FLAG, {"key": "b"}]))
    assert text == json.dumps({"discrepancies": [FLAG, {"key": "b"}]}, indent=2, ensure_ascii=False) + "\n"
    assert "".join(json_array("discrepancies", [])) == '{\n  "discrepancies": []\n}\n'


# ---------------------------------------------------------------- the stored record

def _ref(span: str, start: int, outlet: str | None, published: str | None, claim_id: int,
         sentence: str = "Officials said 347 people were killed.") -> Ref:
    claim = NumericClaim(span, start, start + len(span), sentence, 347, None, None, True, True, "exact",
                         "killed", None, None, TimeSpan("2025-05-14", "2025-05-16", "cumulative"),
                         "Kessel", "Civil Protection Agency")
    return Ref(claim, f"art-{claim_id}", published, outlet, claim_id=claim_id, article_id=claim_id)


def _quote(span: str, claim_id: int) -> Ref:
    claim = AttributedClaim(span, 3, 3 + len(span), f"“{span}” she said", "Ana Varn", None, "said", span,
                            None)
    return Ref(claim, None, None, None, claim_id=claim_id)


@pytest.mark.parametrize("flag", [
    make_flag("revision", "killed · Kessel", _ref("347", 10, "Courier", "2025-05-16", 1),
              _ref("289", 40, "Wire “é”", "2025-05-19", 2, "Toll revised down to 289"),
              "Civil Protection Agency revised  its count: \"347\" became 289 \\ é\u2028."),
    make_flag("quote_drift", "Ana Varn", _quote("we will rebuild", 5), _quote("we shall rebuild", 6),
              "Drift", diff=[("equal", "we"), ("delete", "will"), ("insert", "shall"), ("equal", "rebuild")]),
])
def test_record_json_is_json_dumps(flag: Discrepancy) -> None:
    assert flag.record_json() == json.dumps(flag.to_record(), ensure_ascii=False)
    again = Discrepancy.from_record(json.loads(flag.record_json()))
    assert again.record_json() == json.dumps(again.to_record(), ensure_ascii=False) == flag.record_json()


def test_a_claims_end_is_made_once() -> None:
    a, b, c = _ref("347", 10, "Courier", "2025-05-16", 1), _ref("289", 40, "Wire", "2025-05-19", 2), \
        _ref("250", 70, "Post", "2025-05-20", 3)
    one, two = make_flag("revision", "m", a, b, "x"), make_flag("revision", "m", a, c, "y")
    assert one.a is two.a and one.key != two.key
    assert one.key == make_flag("revision", "m", _ref("347", 10, "Courier", "2025-05-16", 1),
                                _ref("289", 40, "Wire", "2025-05-19", 2), "x").key
