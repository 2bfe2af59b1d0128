"""Who may speak as a group: the plural or collective nouns that speak on their own ("residents
said"), and how a report counts them ("Five former employees said"). speakers.py reads them;
the cue readers import GROUP_NOUNS through it."""

from __future__ import annotations

import re

from recount.claims.retrie import rx

# Plural or collective nouns that can speak on their own: "residents said", "diplomats say".
GROUP_NOUNS = frozenset(
    """officials residents diplomats critics analysts doctors witnesses relatives agencies groups
    engineers workers police authorities rebels sources experts activists organizers organisers
    protesters villagers farmers survivors lawmakers deputies politicians prosecutors investigators
    observers monitors medics rescuers volunteers officers soldiers troops forces fighters leaders
    people families parents teachers students neighbours neighbors locals citizens voters economists
    scientists researchers campaigners opponents supporters aides ministers governments countries
    nations donors staff spokesmen organisations organizations members elders clerics chiefs reporters
    journalists correspondents employees
    commanders leaders officials sides militias militiamen insurers forecasters meteorologists lawyers
    attorneys regulators investors traders seismologists epidemiologists""".split()
)
# how many of a group spoke: "Five former employees said", "Some residents told"
COUNT_LEAD = rx(r"^(?:one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|dozens|hundreds|"
                 r"thousands|some|several|many|most|all|few)(?:\s+of(?:\s+(?:the|those|them))?)?(?:\s+(?=(?-i:[a-z]))|$)",
                 re.IGNORECASE)
PLURAL_PEOPLE = rx(r"^(?:[a-z-]+\s+){0,2}[a-z]{0,12}(?:ers|ists|ees|ians|ents|ants|ors|men|women|nurses|"
                   r"doctors|pilots|guards|judges|parents|relatives)$")
