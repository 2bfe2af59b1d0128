"""The README stays true: every command documented, every link and picture present."""

from __future__ import annotations

import re
from pathlib import Path

from recount.cli import COMMANDS

ROOT = Path(__file__).resolve().parent.parent
README = (ROOT / "README.md").read_text(encoding="utf-8")


def test_every_cli_command_is_in_the_readme():
    for name in COMMANDS:
        if name == "gui":
            continue
        assert f"recount {name}" in README, f"`recount {name}` is not documented in README.md"


def test_readme_has_exactly_the_two_setup_commands_and_ci_runs_the_test_one():
    setup = README.split("## Set up", 1)[1].split("\n## ", 1)[0]
    commands = re.findall(r"^    (\S.*)$", setup, flags=re.M)
    assert commands == ["bash packaging/dev-setup.sh app", "bash packaging/dev-setup.sh test"]
    assert "bash packaging/dev-setup.sh test" in (ROOT / ".ci" / "run").read_text()


def test_links_and_pictures_exist():
    for target in re.findall(r"\]\(([^)#\s]+)\)", README):
        if "://" in target:
            continue
        assert (ROOT / target).exists(), f"README links to a missing file: {target}"
