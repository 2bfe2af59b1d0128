"""Money: a sum's currency from its sign, a currency word or code after it ("4 billion Swiss
francs", "EUR40 million", "800 million TL"), and where the span of a sum ends. The numeric pass
asks these before it reads any other category."""

from __future__ import annotations

import re

from recount.claims.numbers import ADJECTIVAL_CURRENCIES
from recount.claims.retrie import fast

# Countries whose adjective names their currency ("Swiss francs", "Turkish lira"): one list for the
# currency words, the span's tail and (by its first word) currency_unit's codes
_CURRENCY_NATIONS = (r"Swiss|Swedish|Norwegian|Danish|Czech|Icelandic|Turkish|South\s+African|Mexican|"
                     r"Brazilian|Indian|Pakistani|Egyptian|Nigerian|Kenyan|Japanese|Chinese|Russian|Ukrainian")
_CURRENCY_WORDS = fast(
    r"^(?:(?:million|billion|thousand|trillion|bn|mn)\s+)?(?:(?:U\.\s?S\.|US|American|Canadian|Australian|"
    r"Hong\s+Kong|Singapore|New\s+Zealand)\s+dollars\b|"
    r"dollars|euros?|pounds(?:\s+sterling)?|yen|yuan|renminbi|rupees|roubles|rubles|francs|"
    r"shekels|dinars|dirhams|riyals|lira|liras|pesos|reais|rand|hryvnias?|naira|shillings|kroner|kronor|"
    r"krona|zloty|won|dong|baht|ringgit|taka|leu|lei|forints?|ariary|cedis?|"
    # a currency named with its country's adjective: "Swiss francs", "Swedish crowns", "Turkish lira"
    rf"(?:{_CURRENCY_NATIONS})\s+"
    r"(?:francs|crowns|kronor|kroner|kronur|koruna|lira|liras|rand|pesos|reais|rupees|pounds|naira|shillings|"
    r"yen|yuan|roubles|rubles|hryvnias?))\b",
    re.IGNORECASE,
)
_MONEY_PAREN = fast(r"^\s*[\w-]+\s*\(\s*(?:US\$|\$|€|£|¥)", re.IGNORECASE)  # "2 billion tavrens ($45m)"
_CURRENCY_CODE = fast(r"^\s*(?:USD|EUR|GBP|JPY|CNY|CHF|RUB|INR|SEK|NOK|DKK|TRY|TL|ZAR|BRL|MXN|CAD|AUD)\b")
_ADJ_CURRENCY = fast(rf"^(?:{ADJECTIVAL_CURRENCIES})\b", re.IGNORECASE)
_CURRENCY_TAIL = fast(r"\s*(?:(?:million|billion|thousand|trillion|bn|mn)\s+)?"
                            r"(?:(?:U\.\s?S\.|US|American|Canadian|Australian|Hong\s+Kong|Singapore|"
                            rf"New\s+Zealand|{_CURRENCY_NATIONS})\s+)?[A-Za-z]+")




def is_money(symbol: str | None, after: str) -> bool:
    """A sum of money: a currency sign before, a currency word or code after."""
    return bool(symbol or is_currency_word(after) or _MONEY_PAREN.match(after) or _CURRENCY_CODE.match(after))


def currency_tail(after: str) -> int:
    """Where "15 million euros" ends after the number (the words the span takes)."""
    m = _CURRENCY_TAIL.match(after)
    return m.end() if m else 0


def currency_unit(symbol: str | None, after: str) -> str | None:
    """ISO code of the currency a money figure is in: its sign, a currency word or code after it."""
    sym = (symbol or "").replace(" ", "")
    table = {"$": "USD", "US$": "USD", "€": "EUR", "£": "GBP", "¥": "JPY", "₹": "INR",
             "C$": "CAD", "A$": "AUD", "Rs": "INR", "Rs.": "INR",
             **{c: c for c in ("USD", "EUR", "GBP", "JPY", "CHF", "INR")}}
    if sym in table:
        return table[sym]
    words = {"dollar": "USD", "euro": "EUR", "pound": "GBP", "yen": "JPY", "yuan": "CNY", "rouble": "RUB",
             "ruble": "RUB", "rupee": "INR"}
    after = _adjectival(after)
    lead = after.lower().split()[:3]
    for word, code in (("canadian", "CAD"), ("australian", "AUD"), ("hong", "HKD"), ("singapore", "SGD"),
                       ("zealand", "NZD"), ("swiss", "CHF"), ("swedish", "SEK"), ("norwegian", "NOK"),
                       ("danish", "DKK"), ("czech", "CZK"), ("turkish", "TRY"), ("african", "ZAR"),
                       ("mexican", "MXN"), ("brazilian", "BRL"), ("egyptian", "EGP"), ("nigerian", "NGN"),
                       ("kenyan", "KES"), ("ukrainian", "UAH")):
        if word in lead:
            return code
    for word in after.lower().split()[:2]:
        for k, v in words.items():
            if word.startswith(k):
                return v
    code = _CURRENCY_CODE.match(after)
    if code:
        return {"TL": "TRY"}.get(code.group().strip(), code.group().strip())
    return None


def _adjectival(after: str) -> str:
    """"a 2.5-billion-euro loan": the currency word joined by a hyphen, read as a word."""
    return after[1:] if after.startswith("-") else after


def is_currency_word(after: str) -> bool:
    after = _adjectival(after)
    return bool(_CURRENCY_WORDS.match(after.lstrip()) or _ADJ_CURRENCY.match(after))


