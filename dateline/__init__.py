"""dateline: dated news articles in, geolocated PLOVER/CAMEO event data out."""

from .errors import DatelineError
from .model import Actor, Article, CodedArticle, Event, Place, Reject, TimeRef
from .pipeline import code_articles
from .resources import Resources
from .settings import Settings
from .version import __version__

__all__ = [
    "Actor", "Article", "CodedArticle", "DatelineError", "Event", "Place", "Reject",
    "Resources", "Settings", "TimeRef", "__version__", "code_articles",
]
