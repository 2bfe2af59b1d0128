"""Countries named by their adjective: "Sri Lankan authorities", "the Nigerian president".

No gazetteer of places (invented and real places alike must work offline), but the
adjectives of the world's countries are a closed, well-known set of English words. A lead
that names no place but speaks of "Libyan officials" is about Libya; the same adjective
before a noun is never itself a place ("French prosecutors" is not a location).
"""

from __future__ import annotations

import re
from functools import cache

from recount.claims.retrie import bounded_words, fast

# "Country:Adjective[/Adjective]" — the common English forms used in news copy.
_PAIRS = (
    "Afghanistan:Afghan Albania:Albanian Algeria:Algerian Angola:Angolan Argentina:Argentine/Argentinian "
    "Armenia:Armenian Australia:Australian Austria:Austrian Azerbaijan:Azerbaijani Bahrain:Bahraini "
    "Bangladesh:Bangladeshi Belarus:Belarusian Belgium:Belgian Benin:Beninese Bolivia:Bolivian "
    "Bosnia:Bosnian Botswana:Botswanan Brazil:Brazilian Bulgaria:Bulgarian Burkina_Faso:Burkinabe "
    "Burundi:Burundian Cambodia:Cambodian Cameroon:Cameroonian Canada:Canadian Chad:Chadian Chile:Chilean "
    "China:Chinese Colombia:Colombian Congo:Congolese Croatia:Croatian Cuba:Cuban Cyprus:Cypriot "
    "Czech_Republic:Czech Denmark:Danish Ecuador:Ecuadorian Egypt:Egyptian Eritrea:Eritrean Estonia:Estonian "
    "Ethiopia:Ethiopian Fiji:Fijian Finland:Finnish France:French Gabon:Gabonese Gambia:Gambian "
    "Georgia:Georgian Germany:German Ghana:Ghanaian Greece:Greek Guatemala:Guatemalan Guinea:Guinean "
    "Haiti:Haitian Honduras:Honduran Hungary:Hungarian Iceland:Icelandic India:Indian Indonesia:Indonesian "
    "Iran:Iranian Iraq:Iraqi Ireland:Irish Israel:Israeli Italy:Italian Jamaica:Jamaican Japan:Japanese "
    "Jordan:Jordanian Kazakhstan:Kazakh Kenya:Kenyan Kosovo:Kosovar Kuwait:Kuwaiti Kyrgyzstan:Kyrgyz "
    "Laos:Lao/Laotian Latvia:Latvian Lebanon:Lebanese Liberia:Liberian Libya:Libyan Lithuania:Lithuanian "
    "Madagascar:Malagasy Malawi:Malawian Malaysia:Malaysian Mali:Malian Malta:Maltese Mauritania:Mauritanian "
    "Mexico:Mexican Moldova:Moldovan Mongolia:Mongolian Montenegro:Montenegrin Morocco:Moroccan "
    "Mozambique:Mozambican Myanmar:Burmese Namibia:Namibian Nepal:Nepalese/Nepali Netherlands:Dutch "
    "New_Zealand:New_Zealand Nicaragua:Nicaraguan Niger:Nigerien Nigeria:Nigerian North_Korea:North_Korean "
    "Norway:Norwegian Oman:Omani Pakistan:Pakistani Palestine:Palestinian Panama:Panamanian "
    "Paraguay:Paraguayan Peru:Peruvian Philippines:Filipino/Philippine Poland:Polish Portugal:Portuguese "
    "Qatar:Qatari Romania:Romanian Russia:Russian Rwanda:Rwandan Saudi_Arabia:Saudi Senegal:Senegalese "
    "Serbia:Serbian Sierra_Leone:Sierra_Leonean Singapore:Singaporean Slovakia:Slovak Slovenia:Slovenian "
    "Somalia:Somali South_Africa:South_African South_Korea:South_Korean South_Sudan:South_Sudanese "
    "Spain:Spanish Sri_Lanka:Sri_Lankan Sudan:Sudanese Sweden:Swedish Switzerland:Swiss Syria:Syrian "
    "Taiwan:Taiwanese Tajikistan:Tajik Tanzania:Tanzanian Thailand:Thai Togo:Togolese Tunisia:Tunisian "
    "Turkey:Turkish Turkmenistan:Turkmen Uganda:Ugandan Ukraine:Ukrainian United_Kingdom:British "
    "United_States:American Uruguay:Uruguayan Uzbekistan:Uzbek Venezuela:Venezuelan Vietnam:Vietnamese "
    "Yemen:Yemeni Zambia:Zambian Zimbabwe:Zimbabwean"
)

COUNTRY_OF: dict[str, str] = {
    adjective.replace("_", " "): country.replace("_", " ")
    for pair in _PAIRS.split()
    for country, adjectives in [pair.split(":")]
    for adjective in adjectives.split("/")
}


COUNTRIES: frozenset[str] = frozenset(COUNTRY_OF.values())

# Short forms news copy uses for a country (dots dropped: "U.S." is "US").
ALIASES: dict[str, str] = {
    "US": "United States", "USA": "United States", "UK": "United Kingdom", "UAE": "United Arab Emirates",
    "DPRK": "North Korea", "ROK": "South Korea", "PRC": "China", "DRC": "Congo",
}

# "Country:Capital" — the seat of government news copy calls "the capital".
_CAPITALS = (
    "Afghanistan:Kabul Albania:Tirana Algeria:Algiers Angola:Luanda Argentina:Buenos_Aires Armenia:Yerevan "
    "Australia:Canberra Austria:Vienna Azerbaijan:Baku Bahrain:Manama Bangladesh:Dhaka Belarus:Minsk "
    "Belgium:Brussels Benin:Porto-Novo Bolivia:La_Paz Bosnia:Sarajevo Botswana:Gaborone Brazil:Brasilia "
    "Bulgaria:Sofia Burkina_Faso:Ouagadougou Burundi:Gitega Cambodia:Phnom_Penh Cameroon:Yaounde "
    "Canada:Ottawa Chad:N'Djamena Chile:Santiago China:Beijing Colombia:Bogota Congo:Kinshasa Croatia:Zagreb "
    "Cuba:Havana Cyprus:Nicosia Czech_Republic:Prague Denmark:Copenhagen Ecuador:Quito Egypt:Cairo "
    "Eritrea:Asmara Estonia:Tallinn Ethiopia:Addis_Ababa Fiji:Suva Finland:Helsinki France:Paris "
    "Gabon:Libreville Gambia:Banjul Georgia:Tbilisi Germany:Berlin Ghana:Accra Greece:Athens "
    "Guatemala:Guatemala_City Guinea:Conakry Haiti:Port-au-Prince Honduras:Tegucigalpa Hungary:Budapest "
    "Iceland:Reykjavik India:New_Delhi Indonesia:Jakarta Iran:Tehran Iraq:Baghdad Ireland:Dublin "
    "Israel:Jerusalem Italy:Rome Jamaica:Kingston Japan:Tokyo Jordan:Amman Kazakhstan:Astana Kenya:Nairobi "
    "Kosovo:Pristina Kuwait:Kuwait_City Kyrgyzstan:Bishkek Laos:Vientiane Latvia:Riga Lebanon:Beirut "
    "Liberia:Monrovia Libya:Tripoli Lithuania:Vilnius Madagascar:Antananarivo Malawi:Lilongwe "
    "Malaysia:Kuala_Lumpur Mali:Bamako Malta:Valletta Mauritania:Nouakchott Mexico:Mexico_City "
    "Moldova:Chisinau Mongolia:Ulaanbaatar Montenegro:Podgorica Morocco:Rabat Mozambique:Maputo "
    "Myanmar:Naypyidaw Namibia:Windhoek Nepal:Kathmandu Netherlands:Amsterdam New_Zealand:Wellington "
    "Nicaragua:Managua Niger:Niamey Nigeria:Abuja North_Korea:Pyongyang Norway:Oslo Oman:Muscat "
    "Pakistan:Islamabad Panama:Panama_City Paraguay:Asuncion Peru:Lima Philippines:Manila Poland:Warsaw "
    "Portugal:Lisbon Qatar:Doha Romania:Bucharest Russia:Moscow Rwanda:Kigali Saudi_Arabia:Riyadh "
    "Senegal:Dakar Serbia:Belgrade Sierra_Leone:Freetown Singapore:Singapore Slovakia:Bratislava "
    "Slovenia:Ljubljana Somalia:Mogadishu South_Africa:Pretoria South_Korea:Seoul South_Sudan:Juba "
    "Spain:Madrid Sri_Lanka:Colombo Sudan:Khartoum Sweden:Stockholm Switzerland:Bern Syria:Damascus "
    "Taiwan:Taipei Tajikistan:Dushanbe Tanzania:Dodoma Thailand:Bangkok Togo:Lome Tunisia:Tunis "
    "Turkey:Ankara Turkmenistan:Ashgabat Uganda:Kampala Ukraine:Kyiv United_Kingdom:London "
    "United_States:Washington Uruguay:Montevideo Uzbekistan:Tashkent Venezuela:Caracas Vietnam:Hanoi "
    "Yemen:Sanaa Zambia:Lusaka Zimbabwe:Harare"
)
CAPITAL_OF: dict[str, str] = {
    country.replace("_", " "): capital.replace("_", " ")
    for pair in _CAPITALS.split() for country, capital in [pair.split(":")]
}
COUNTRY_OF_CAPITAL: dict[str, str] = {capital: country for country, capital in CAPITAL_OF.items()}


def demonym_plural(word: str) -> str | None:
    """The country of a people named in the plural ("Libyans", "Iraqis"): a figure counting
    them is about that country, where the adjective alone ("Libyan officials") is not."""
    if len(word) > 3 and word.endswith("s"):
        country = COUNTRY_OF.get(word[:-1])
        if country and country != word[:-1]:
            return country
    return None


@cache
def country_re() -> re.Pattern[str]:
    """Every country's name and adjective, factored by prefix (compiled on first use: the
    engine's import stays fast)."""
    # "France-Info" is an outlet, not a country
    # `(?<![\w-])(?:names)(?![\w]|-[A-Z])`, each name opening with its letter (retrie.bounded_words)
    return fast("|".join(bounded_words(COUNTRIES | set(COUNTRY_OF), r"(?<![\w-]{c})", r"(?![\w]|-[A-Z])")))


def first_country(text: str, start: int = 0, end: int | None = None) -> tuple[int, str] | None:
    """(offset, country) of the first country named or qualified in text[start:end]."""
    m = country_re().search(text, start, len(text) if end is None else end)
    return (m.start(), COUNTRY_OF.get(m.group(), m.group())) if m else None


def countries_in(text: str) -> list[str]:
    """Every country named or qualified in `text`, in order (repeats kept)."""
    return [COUNTRY_OF.get(m.group(), m.group()) for m in country_re().finditer(text)]


# "Velmora's " or "the Velmoran " right before "capital" (the names are checked by capital_named)
CAPITAL_BEFORE = (r"(?:\b(?P<c>(?:[A-Z][\w.]*\s+){0,2}[A-Z][\w.]*)(?:'s|\u2019s)"
                  r"|\bthe\s+(?P<a>(?:[A-Z]\w*\s+){0,2}[A-Z]\w*))\s+$")


def capital_named(country: str | None, adjective: str | None) -> str | None:
    """The capital of the country a name or an adjective before "capital" names ("Sri Lanka's")."""
    words = (country or adjective or "").split()
    for i in range(len(words)):  # "Fighting Over Sri Lanka's": the longest tail that is a country
        name = " ".join(words[i:])
        found = COUNTRY_OF.get(name) if adjective else ALIASES.get(name.replace(".", ""), name)
        if found in CAPITAL_OF:
            return CAPITAL_OF[found]
    return None
