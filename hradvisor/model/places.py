"""Countries and first-level administrative areas.

Real places use ISO 3166-1 alpha-2 and ISO 3166-2 codes from pycountry (offline).
Demo and test data use the ISO user-assigned codes XA–XZ, whose areas are
``XA-01`` … ``XA-99``, so fictional data can never be read as a real place.
Names for fictional countries come from resources/gazetteers/.
"""

from __future__ import annotations

import functools
import gettext
import re
import unicodedata
from typing import Any

import pycountry

from hradvisor.resources import read_json_resource, resource_path

_USER_ASSIGNED_COUNTRY = re.compile(r"^X[A-Z]$")
_USER_ASSIGNED_ADMIN1 = re.compile(r"^(X[A-Z])-(\d{2})$")


def _lookup(database: Any, **key: str) -> Any:
    """pycountry's untyped ``get``, kept in one place."""
    return database.get(**key)


def is_fictional_country(code: str) -> bool:
    """True for the ISO user-assigned codes XA–XZ that we reserve for fictional data."""
    return bool(_USER_ASSIGNED_COUNTRY.match(code))


def is_valid_country(code: str) -> bool:
    """True for an ISO 3166-1 alpha-2 code or a user-assigned XA–XZ code."""
    if is_fictional_country(code):
        return True
    country = _lookup(pycountry.countries, alpha_2=code)
    return country is not None and country.alpha_2 == code  # pycountry ignores case; we do not


def is_valid_admin1(country: str, code: str) -> bool:
    """True if *code* is a first-level area of *country*."""
    match = _USER_ASSIGNED_ADMIN1.match(code)
    if match:
        return match.group(1) == country and match.group(2) != "00"
    subdivision = _lookup(pycountry.subdivisions, code=code)
    return (
        subdivision is not None and subdivision.code == code and subdivision.country_code == country
    )


@functools.cache
def _gazetteer(country: str) -> dict[str, Any] | None:
    if not resource_path("gazetteers", f"{country}.json").is_file():
        return None
    doc: dict[str, Any] = read_json_resource("gazetteers", f"{country}.json")
    return doc


def country_name(code: str, lang: str = "en") -> str:
    """Display name of a country code in *lang* (the code itself if unknown).

    Real countries are named from pycountry's own ISO 3166-1 translations, so a
    French window or report says « Allemagne », not "Germany".
    """
    gazetteer = _gazetteer(code) if is_fictional_country(code) else None
    if gazetteer is not None:
        names: dict[str, str] = gazetteer["name"]
        return names.get(lang, names["en"])
    country = _lookup(pycountry.countries, alpha_2=code)
    return _iso_names(lang).gettext(str(country.name)) if country is not None else code


@functools.cache
def country_choices(lang: str = "en") -> tuple[tuple[str, str], ...]:
    """(code, name) for a country picker: the fictional gazetteer countries first,
    then every ISO 3166-1 country, alphabetical in *lang* (accents ignored)."""
    fictional = sorted(p.stem for p in resource_path("gazetteers").glob("X?.json"))
    real = sorted(
        ((str(c.alpha_2), _iso_names(lang).gettext(str(c.name))) for c in pycountry.countries),
        key=lambda choice: _sort_key(choice[1]),
    )
    return tuple((code, country_name(code, lang)) for code in fictional) + tuple(real)


@functools.cache
def _iso_names(lang: str) -> gettext.NullTranslations:
    """pycountry's catalogue of country names in *lang*; English (no change) if it has none."""
    return gettext.translation("iso3166-1", pycountry.LOCALES_DIR, languages=[lang], fallback=True)


def _sort_key(name: str) -> str:
    """« Égypte » sorts among the E, not after « Zimbabwe »."""
    return "".join(
        ch for ch in unicodedata.normalize("NFKD", name) if not unicodedata.combining(ch)
    ).casefold()


def admin1_name(code: str) -> str:
    """Display name of a first-level area code (the code itself if unknown)."""
    match = _USER_ASSIGNED_ADMIN1.match(code)
    if match:
        gazetteer = _gazetteer(match.group(1))
        for area in gazetteer["admin1"] if gazetteer else ():
            if area["code"] == code:
                return str(area["name"])
        return code
    subdivision = _lookup(pycountry.subdivisions, code=code)
    return str(subdivision.name) if subdivision is not None else code


def area_name(country: str, admin1: str | None) -> str:
    """How lists name where something happened: the first-level area, else the country."""
    return admin1_name(admin1) if admin1 else country_name(country)


def admin1_areas(country: str) -> list[tuple[str, str]]:
    """(code, name) of every first-level area of *country*, sorted by code."""
    if is_fictional_country(country):
        gazetteer = _gazetteer(country)
        areas = gazetteer["admin1"] if gazetteer else []
        return [(str(a["code"]), str(a["name"])) for a in areas]
    subdivisions = _lookup(pycountry.subdivisions, country_code=country) or []
    return sorted((str(s.code), str(s.name)) for s in subdivisions if s.parent_code is None)
