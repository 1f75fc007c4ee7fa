"""Settings: where the database is and who is reviewing.

Precedence for each value: command-line option, then environment variable, then the config
file (``$WORKBENCH_CONFIG`` or ``~/.config/workbench/config.toml``), then a default.
"""

from __future__ import annotations

import getpass
import os
import tomllib
from dataclasses import dataclass, field, replace
from pathlib import Path
from typing import Any

from workbench.db.engine import DEFAULT_DATABASE
from workbench.matching.grouping import GroupingSettings

APPLY_CHOICES = ("ask", "always", "never")


@dataclass(frozen=True)
class ReviewOptions:
    """Reviewing preferences the screens follow."""

    # Blind mode hides match scores, so they do not sway the reviewer's own judgement.
    blind: bool = False
    # After a verdict on a claim whose group repeats it: ask, always apply, or never.
    apply_to_group: str = "ask"


class ConfigError(Exception):
    """The config file cannot be read; the message names the file and the reason."""


def config_path() -> Path:
    configured = os.environ.get("WORKBENCH_CONFIG")
    if configured:
        return Path(configured).expanduser()
    base = Path(os.environ.get("XDG_CONFIG_HOME") or Path.home() / ".config")
    return base / "workbench" / "config.toml"


def read_config_file(path: Path) -> dict[str, Any]:
    if not path.is_file():
        return {}
    try:
        with path.open("rb") as handle:
            return tomllib.load(handle)
    except (OSError, tomllib.TOMLDecodeError) as error:
        raise ConfigError(f"{path}: cannot read config ({error})") from None


@dataclass(frozen=True)
class Settings:
    database: str
    reviewer: str
    file_values: dict[str, Any] = field(default_factory=dict)

    @property
    def grouping(self) -> GroupingSettings:
        """``[matching] semantic = true, high = 58, low = 54, link = 60, figure_link = 56`` in
        the config file;
        ``word_high``, ``word_low`` and ``word_link`` are the thresholds without vectors;
        ``story_days = 731``: reports further apart never share a group."""
        section = self.file_values.get("matching", {})
        defaults = GroupingSettings()
        names = ("high", "low", "link", "figure_link", "word_high", "word_low", "word_link")
        try:
            values = {name: float(section.get(name, getattr(defaults, name))) for name in names}
        except (TypeError, ValueError):
            raise ConfigError(f"{config_path()}: [matching] values must be numbers") from None
        for prefix in ("", "word_"):
            high, low, link = (values[prefix + name] for name in ("high", "low", "link"))
            if not (0 <= low <= high <= 100 and 0 <= link <= 100):
                raise ConfigError(
                    f"{config_path()}: [matching] needs 0 <= {prefix}low <= {prefix}high <= 100"
                )
        if not 0 <= values["figure_link"] <= 100:
            raise ConfigError(f"{config_path()}: [matching] figure_link must be 0 to 100")
        semantic = section.get("semantic", defaults.semantic)
        if not isinstance(semantic, bool):
            raise ConfigError(f"{config_path()}: [matching] semantic must be true or false")
        story_days = section.get("story_days", defaults.story_days)
        if not isinstance(story_days, int) or isinstance(story_days, bool) or story_days < 1:
            raise ConfigError(
                f"{config_path()}: [matching] story_days must be a whole number of days"
            )
        settings = replace(
            defaults,
            high=values["high"],
            low=values["low"],
            link=values["link"],
            figure_link=values["figure_link"],
            word_high=values["word_high"],
            word_low=values["word_low"],
            word_link=values["word_link"],
            story_days=story_days,
        )
        return settings if semantic else settings.without_vectors()

    @property
    def review(self) -> ReviewOptions:
        """``[review] blind = true, apply_to_group = "ask" | "always" | "never"``."""
        section = self.file_values.get("review", {})
        apply_to_group = section.get("apply_to_group", "ask")
        if apply_to_group not in APPLY_CHOICES:
            choices = ", ".join(APPLY_CHOICES)
            raise ConfigError(f"{config_path()}: [review] apply_to_group must be one of {choices}")
        return ReviewOptions(blind=bool(section.get("blind", False)), apply_to_group=apply_to_group)

    @property
    def keymap(self) -> dict[str, str]:
        """``[keymap] "queue.confirm" = "y"``: binding ids to keys (comma-separate several)."""
        section = self.file_values.get("keymap", {})
        if not all(isinstance(key, str) for key in section.values()):
            raise ConfigError(f"{config_path()}: [keymap] values must be key names in quotes")
        return dict(section)


def load_settings(*, database: str | None = None, reviewer: str | None = None) -> Settings:
    file_values = read_config_file(config_path())
    return Settings(
        database=database
        or os.environ.get("WORKBENCH_DB")
        or file_values.get("database")
        or DEFAULT_DATABASE,
        reviewer=reviewer
        or os.environ.get("WORKBENCH_REVIEWER")
        or file_values.get("reviewer")
        or _login_name(),
        file_values=file_values,
    )


def _login_name() -> str:
    try:
        return getpass.getuser()
    except (KeyError, OSError):
        return "reviewer"
