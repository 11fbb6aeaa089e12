"""Which names are countries, from pycountry (ISO 3166, kept up to date by its maintainers, with
official and common names), rather than a hand list that knows the countries of the texts it
was written for."""
from __future__ import annotations

from functools import lru_cache

import pycountry

from .entities import fold


@lru_cache(maxsize=1)
def country_names() -> frozenset[str]:
    names = set()
    for c in pycountry.countries:
        for attr in ("name", "common_name", "official_name"):
            value = getattr(c, attr, None)
            if value:
                names.add(fold(value))
                names.add(fold(value).removeprefix("the "))
    return frozenset(names)


def is_country(name: str) -> bool:
    return fold(name).removeprefix("the ") in country_names()
