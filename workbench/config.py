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
        """Matching thresholds: ``[matching] high = 64, low = 50, link = 65`` in the config file."""
        section = self.file_values.get("matching", {})
        defaults = GroupingSettings()
        try:
            high = float(section.get("high", defaults.high))
            low = float(section.get("low", defaults.low))
            link = float(section.get("link", defaults.link))
        except (TypeError, ValueError):
            raise ConfigError(f"{config_path()}: [matching] values must be numbers") from None
        if not (0 <= low <= high <= 100 and 0 <= link <= 100):
            raise ConfigError(f"{config_path()}: [matching] needs 0 <= low <= high <= 100")
        return replace(defaults, high=high, low=low, link=link)


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
