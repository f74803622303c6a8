"""Read CAMEO/TABARI-format actor and agent dictionaries (PETRARCH, Phoenix, CountryInfo style).

The format, as these dictionaries use it::

    AFGHANISTAN_  [AFG]            a name and its code; "_" joins words, a trailing "_" ends
    +AFGHAN_                       the word, no trailing "_" makes the last word a stem
    MOHAMMAD_ZAHIR_SHAH_           a name whose codes follow, one per line, with dates
        [AFGGOV 331108-730717]     YYMMDD-YYMMDD, <YYMMDD (until) or >YYMMDD (from)
    !MINIST! = MINISTER, MINISTRY  a substitution set used inside agent names
    FOREIGN_!MINIST! [~GOV]        an agent: a role noun giving a sector ([NGO~]: an actor code)
    COP {COPS} [~COP]              explicit plurals in braces
    # comment, <!-- comment -->

Read at run time from the user's files; dateline ships none of them.
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Iterator
from dataclasses import dataclass, field
from pathlib import Path

from .actors_kb import Role, parse_code

_CODE = re.compile(r"\[([^\]]*)\]")
_SUBSTITUTION = re.compile(r"^(![A-Z_]+!)\s*=\s*(.+)$")
_COMMENT_BLOCK = re.compile(r"<!--.*?-->", re.DOTALL)


@dataclass
class TabariItem:
    """One dictionary entry: its names (text, is_stem) and codes; agents give a sector to a role noun."""

    names: list[tuple[str, bool]] = field(default_factory=list)
    roles: list[Role] = field(default_factory=list)
    agent: bool = False


def read_tabari(path: str | Path) -> Iterator[TabariItem]:
    """The entries of a TABARI actor or agent dictionary, in file order."""
    text = Path(path).read_bytes().replace(b"\x00", b"").decode("utf-8", errors="replace")
    text = _COMMENT_BLOCK.sub("", text)
    substitutions: dict[str, list[str]] = {}
    item: TabariItem | None = None
    for raw in text.splitlines():
        line = raw.split("#", 1)[0].rstrip()
        if not line.strip():
            continue
        match = _SUBSTITUTION.match(line.strip())
        if match:
            substitutions[match.group(1)] = [w.strip() for w in match.group(2).split(",") if w.strip()]
            continue
        stripped = line.strip()
        if stripped.startswith("+"):  # a synonym of the entry above
            if item is not None:
                item.names.extend(_names(stripped[1:], substitutions))
            continue
        if stripped.startswith("["):  # a (dated) code of the entry above
            if item is not None:
                _add_codes(item, stripped)
            continue
        if item is not None and item.roles:
            yield item
        item = TabariItem()
        name_part = _CODE.split(stripped)[0]
        plural = re.search(r"\{([^}]*)\}", name_part)
        name_part = re.sub(r"\{[^}]*\}", " ", name_part)
        item.names.extend(_names(name_part, substitutions))
        if plural:
            item.names.extend(_names(plural.group(1), substitutions))
        _add_codes(item, stripped)
    if item is not None and item.roles:
        yield item


def _names(spec: str, substitutions: dict[str, list[str]]) -> list[tuple[str, bool]]:
    """Names from a TABARI name spec, substitution sets expanded: [(text, is_stem)]."""
    spec = spec.strip()
    if not spec:
        return []
    forms = [spec]
    for marker, words in substitutions.items():
        forms = [f.replace(marker, w) for f in forms for w in words] if any(marker in f for f in forms) \
            else forms
    out = []
    for form in forms:
        for single in form.split():
            stem = not single.endswith("_")
            text = single.replace("_", " ").strip()
            if text:
                out.append((text, stem and len(text) > 3))
    return out


def _add_codes(item: TabariItem, line: str) -> None:
    for inside in _CODE.findall(line):
        parts = inside.split()
        if not parts:
            continue
        code = parts[0]
        if code.startswith("~") or code.endswith("~"):
            item.agent = True
            code = code.strip("~")
            if not code:
                continue
            if parts[0].endswith("~"):  # [NGO~]: the agent is an actor code of its own
                item.roles.append(Role(None, code[:3], code[:3]))
                continue
            item.roles.append(Role(None, code[:3], code[:3]))
            continue
        if code == "---":
            continue
        start, end = _dates(parts[1] if len(parts) > 1 else "")
        country, sector, full = parse_code(code)
        item.roles.append(Role(country, sector, full, start, end))


def _dates(spec: str) -> tuple[dt.date | None, dt.date | None]:
    if not spec:
        return None, None
    if spec.startswith("<"):
        return None, _yymmdd(spec[1:])
    if spec.startswith(">"):
        return _yymmdd(spec[1:]), None
    first, _, second = spec.partition("-")
    return _yymmdd(first), _yymmdd(second)


def _yymmdd(text: str) -> dt.date | None:
    """A TABARI date: YYMMDD with two-digit years (00-29 are 20xx) or YYYYMMDD."""
    text = text.strip()
    try:
        if len(text) == 8:
            return dt.date(int(text[:4]), int(text[4:6]), int(text[6:]))
        if len(text) == 6:
            year = int(text[:2])
            return dt.date((2000 if year < 30 else 1900) + year, int(text[2:4]), int(text[4:]))
    except ValueError:
        return None
    return None
