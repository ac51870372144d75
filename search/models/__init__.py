from search.models.entries import SearchEntry, SearchWord
from search.models.synonyms import Synonym
from search.models.zero_results import ZeroResultSearch

__all__ = ["SearchEntry", "SearchWord", "Synonym", "ZeroResultSearch"]
