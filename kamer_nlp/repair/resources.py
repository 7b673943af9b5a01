"""Loading the repair stage's data files (kamer_nlp/resources/repair/)."""

from __future__ import annotations

import json
import re
from functools import cache
from importlib import resources
from typing import Any


@cache
def load_json(name: str) -> dict[str, Any]:
    text = (
        resources.files("kamer_nlp.resources").joinpath("repair", name).read_text(encoding="utf-8")
    )
    data: dict[str, Any] = json.loads(text)
    return data


@cache
def patterns(name: str, key: str) -> tuple[re.Pattern[str], ...]:
    return tuple(re.compile(p, re.IGNORECASE) for p in load_json(name)[key])


def matches_any(text: str, name: str, key: str) -> bool:
    return any(p.match(text) for p in patterns(name, key))
