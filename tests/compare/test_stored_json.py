"""The listed flags' JSON (commands/library_wide.indented) is json's own indented output, byte
for byte: the writer only skips json's pure-Python indentation."""

from __future__ import annotations

import json
import textwrap

import pytest
from hypothesis import given
from hypothesis import strategies as st

from recount.commands.library_wide import indented, json_array

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
