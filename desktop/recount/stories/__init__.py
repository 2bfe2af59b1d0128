"""Stories: every report belongs to one event followed over time; figures and quotes are
compared only within a story. No Qt here.

    features.py  text -> the terms a report is about (names, the event's words)
    matcher.py   which story a report joins, and how sure (topic detection and tracking)
    titles.py    a story's title from what its reports share
    profiles.py  story profiles in the library (inside the caller's transaction)
    storage.py   assign on store, list, move / merge / split / rename (the user's decisions)
"""

from recount.stories.features import Features, features_of
from recount.stories.matcher import Placement
from recount.stories.storage import (
    Assigner,
    Story,
    StoryError,
    assign_missing,
    assigner,
    decided,
    list_stories,
    merge,
    move,
    preview,
    rename,
    resolve_article,
    split,
    story_of,
)

__all__ = [
    "Assigner", "Features", "Placement", "Story", "StoryError", "assign_missing", "assigner",
    "decided", "features_of", "list_stories", "merge", "move", "preview", "rename",
    "resolve_article", "split", "story_of",
]
