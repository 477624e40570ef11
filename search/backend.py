"""The search backend without Elasticsearch: Wagtail's database backend for the
database in use (SQLite FTS5, PostgreSQL...), handed words only.

Every search of the site goes through it: the site search, the API's ?search=,
the admin's search boxes. The database backends pass what was typed on to the
database's own query parser, so an unmatched quote (SQLite: "unterminated
string"), a NUL or a query of spaces alone (both backends) used to answer 500;
reduced to its words, such a query is an empty search.
"""

import functools

from modelsearch.backends.database import SearchBackend as database_backend

from .query import clean_words


class WordsOnlyMixin:
    def _search(self, query_compiler_class, query, model_or_queryset, **kwargs):
        if isinstance(query, str):
            query = " ".join(clean_words(query))
        return super()._search(query_compiler_class, query, model_or_queryset, **kwargs)


@functools.cache
def _words_only(backend_class):
    return type(backend_class.__name__, (WordsOnlyMixin, backend_class), {})


def SearchBackend(params):  # noqa: N802 (the name Wagtail looks for in a module)
    # The database backend picks its class from the database it finds.
    return _words_only(type(database_backend(params)))(params)
