"""One object by primary key, its SQL compiled once per thread.

Django compiles a queryset's SQL each time it is evaluated. For a page type
(wagtailcore_page's forty-odd columns, the type's own, and those it is served
with) that took 0.8 ms, measured on the demo's news article, against 0.06 ms
for running the query on SQLite: more than a tenth of an uncached page view,
paid on every one by the routing's fetch of the page.

`get(model, pk, related)` compiles
`model._default_manager.select_related(*related).filter(pk=...)` once, then
runs the same SQL with each primary key and builds the instances as Django's
ModelIterable does: the compiler's column converters, `Model.from_db`, and its
related populators for the `select_related` objects. The compiled statement
holds the thread's database connection (the converters are bound to it), so
each thread compiles its own."""

import threading

from django.db import connections
from django.db.models.query import get_related_populators

_MARK = -2_000_000_007  # compiled in as the primary key (in any integer range)
_local = threading.local()


class Prepared:
    def __init__(self, model, related):
        queryset = (
            model._default_manager.select_related(*related).filter(pk=_MARK).order_by()
        )
        self.using = queryset.db
        compiler = queryset.query.get_compiler(using=self.using)
        # Compiling fills compiler.select and klass_info, as in ModelIterable.
        self.sql, params = compiler.as_sql()
        if tuple(params) != (_MARK,):
            raise ValueError(f"{model.__name__}: the query has other parameters")
        self.connection = compiler.connection
        select, klass_info = compiler.select, compiler.klass_info
        self.model = klass_info["model"]
        first, last = klass_info["select_fields"][0], klass_info["select_fields"][-1]
        self.own = slice(first, last + 1)
        self.init_list = [column[0].target.attname for column in select[self.own]]
        self.converters = list(
            compiler.get_converters(
                [column[0] for column in select[: compiler.col_count]]
            ).items()
        )
        self.populators = get_related_populators(klass_info, select, self.using)

    def get(self, pk):
        with self.connection.cursor() as cursor:
            cursor.execute(self.sql, [pk])
            row = cursor.fetchone()
        if row is None:
            return None
        row = list(row)
        for position, (converters, expression) in self.converters:
            value = row[position]
            for converter in converters:
                value = converter(value, expression, self.connection)
            row[position] = value
        obj = self.model.from_db(self.using, self.init_list, row[self.own])
        for populator in self.populators:
            populator.populate(row, obj)
        return obj


def get(model, pk, related=()):
    """`model._default_manager.select_related(*related).filter(pk=pk)`'s one
    object, or None."""
    try:
        statements = _local.statements
    except AttributeError:
        statements = _local.statements = {}
    key = (model, tuple(related))
    prepared = statements.get(key)
    if prepared is None or prepared.connection is not connections[prepared.using]:
        prepared = statements[key] = Prepared(model, related)
    return prepared.get(pk)
