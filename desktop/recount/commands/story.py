"""`recount story move|merge|split|rename`: the user's story decisions (see commands/stories.py)."""

from recount.commands.stories import add_story_arguments as add_arguments
from recount.commands.stories import run_story as run

__all__ = ["add_arguments", "run"]
