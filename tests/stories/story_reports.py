"""Invented reports on invented events (written for these tests; no real news text).

Four stories, each told by several outlets in their own words:
  flood     the Varnessa flood, Keldor province, September 2025
  count     the Quorvia election count, March 2026
  museum    the Halvik Museum fire in Saint-Alvar, June 2025
  bridge    a bridge collapse in Varnessa in 2029: the same town as the flood, years later
The story is the id's first word.
"""

from __future__ import annotations

import json
from pathlib import Path

REPORTS: list[dict[str, str]] = [
    {"id": "flood-tidewire-2025-09-11", "outlet": "Tidewire", "published": "2025-09-11",
     "title": "Floodwater cuts Varnessa off as Keldor dam gives way",
     "text": "VARNESSA - Floodwater poured through Varnessa on Thursday after the old Keldor dam gave "
             "way in the night, the Keldor Civil Defence said. At least 40 people were killed and "
             "hundreds of homes along the Sallow river were swept away. Governor Ilse Marrow said "
             "rescue boats from Port Devin were on their way. \"The water came faster than anyone "
             "feared,\" Marrow told reporters. The Red Lantern Society opened shelters in the hills "
             "above the town."},
    {"id": "flood-meridian-2025-09-13", "outlet": "Meridian Press", "published": "2025-09-13",
     "title": "Varnessa flood toll climbs as Sallow river stays high",
     "text": "The death toll from the Varnessa flood rose to 112 on Saturday, the Keldor Civil Defence "
             "said, as the Sallow river stayed above its banks. Governor Ilse Marrow asked for "
             "pumps and clean water. Volunteers of the Red Lantern Society searched the mud of the "
             "lower town for survivors. Engineers blamed cracks in the Keldor dam that had been "
             "reported two years ago."},
    {"id": "flood-northpost-2025-09-16", "outlet": "North Post", "published": "2025-09-16",
     "title": "Aid reaches flooded Keldor towns",
     "text": "Aid convoys reached Varnessa on Tuesday, five days after the dam burst. Ilse Marrow, "
             "governor of Keldor province, said 135 people had died and 60 were still missing. "
             "The Red Lantern Society said its shelters held 4,000 people. Boats still ferried "
             "families across the flooded streets near the Sallow."},
    {"id": "count-ledger-2026-03-02", "outlet": "The Ledger", "published": "2026-03-02",
     "title": "Averin leads early Quorvia count",
     "text": "QUORVIA CITY - Tomas Averin of the Harbour Party led the presidential count on Monday "
             "with 4,210,553 votes from two thirds of polling stations, the Quorvian Electoral "
             "Commission said. His rival Lida Brennick of the Union of Farmers had 3,877,120. "
             "Brennick's campaign said ballots in the Teller district had not been counted."},
    {"id": "count-bulletin-2026-03-04", "outlet": "Evening Bulletin", "published": "2026-03-04",
     "title": "Quorvia election: Brennick disputes Teller results",
     "text": "Lida Brennick said on Wednesday she would challenge the Teller district results in "
             "court, as the Quorvian Electoral Commission put Tomas Averin ahead by 512,000 votes. "
             "\"Every ballot must be counted,\" Brennick told supporters of the Union of Farmers. "
             "Observers from the Coastal Assembly said voting had been orderly."},
    {"id": "count-courier-2026-03-05", "outlet": "Courier", "published": "2026-03-05",
     "title": "Averin declared winner in Quorvia",
     "text": "The Quorvian Electoral Commission declared Tomas Averin president-elect on Thursday with "
             "6,301,442 votes against 5,790,310 for Lida Brennick. The Harbour Party leader thanked "
             "voters in Quorvia City. Brennick repeated that the Teller count was flawed."},
    {"id": "museum-arts-2025-06-20", "outlet": "Arts Daily", "published": "2025-06-20",
     "title": "Fire guts Halvik Museum in Saint-Alvar",
     "text": "SAINT-ALVAR - A fire swept through the roof of the Halvik Museum overnight, destroying the "
             "east gallery, the city's fire brigade said. Curator Ottilie Prane said most of the "
             "tapestries had been carried out by staff. Mayor Benedek Sorn said the museum would "
             "be rebuilt. About 300 firefighters fought the blaze for nine hours."},
    {"id": "museum-globe-2025-06-21", "outlet": "Globe Wire", "published": "2025-06-21",
     "title": "Donors pledge millions to rebuild Saint-Alvar museum",
     "text": "Donors pledged 80 million crowns on Saturday to rebuild the Halvik Museum after the fire in "
             "Saint-Alvar. The Sorn family trust gave 20 million, Mayor Benedek Sorn said. Ottilie "
             "Prane, the museum's curator, said the tapestries saved from the blaze were being dried "
             "in the city archive."},
    {"id": "museum-review-2025-06-24", "outlet": "The Review", "published": "2025-06-24",
     "title": "What the Halvik fire took",
     "text": "Four days after the fire, Ottilie Prane walked through the burnt east gallery of the Halvik "
             "Museum. \"We lost the roof, not the collection,\" the curator said. Investigators in "
             "Saint-Alvar said an electrical fault was the likely cause."},
    {"id": "bridge-tidewire-2029-05-02", "outlet": "Tidewire", "published": "2029-05-02",
     "title": "Bridge collapses in Varnessa",
     "text": "VARNESSA - The Harrow bridge over the Sallow river collapsed on Wednesday under a loaded "
             "lorry, killing three people, the Keldor police said. Mayor Jonas Edel said the bridge "
             "had been closed for repairs twice since 2027. Divers from Port Devin searched the "
             "river for the driver."},
    {"id": "bridge-meridian-2029-05-03", "outlet": "Meridian Press", "published": "2029-05-03",
     "title": "Varnessa bridge collapse: inspections ordered",
     "text": "Keldor province ordered inspections of every bridge on Thursday after the Harrow bridge "
             "in Varnessa collapsed into the Sallow. Mayor Jonas Edel said three people died. "
             "Engineers said the steel of the bridge had rusted through."},
]


def story_of(ref: str) -> str:
    return ref.split("-", 1)[0]


def write_jsonl(path: Path, reports: list[dict[str, str]] | None = None) -> Path:
    with path.open("w", encoding="utf-8") as fh:
        for report in REPORTS if reports is None else reports:
            fh.write(json.dumps(report) + "\n")
    return path
