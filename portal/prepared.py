"""Querysets whose SQL is compiled once per thread, then run with new values.

Django compiles a queryset's SQL each time it is evaluated. On an uncached
page view that is most of the cost of its few queries: 0.8 ms to compile the
demo's news article fetch (wagtailcore_page's forty-odd columns, the type's
own, and those it is served with) against 0.06 ms to run it on SQLite, and
0.5 to 1 ms for each of an event's agenda and presentations queries.

`rows(key, build, *values)` calls `build(*marks)` once (marks: stand-ins of
the values' types), compiles it, and remembers which of the statement's
parameters are which value; each call then runs the statement with the
values in their places and builds the results as Django's iterables do (the
compiler's column converters, `Model.from_db` and the related populators of
`select_related` for objects; tuples for `values_list`). A queryset whose
compiled parameters do not hold each mark as it was given (a value Django
transforms, such as the pattern of `startswith`) is refused with ValueError.

The compiled statement holds the thread's database connection (its
converters are bound to it), so each thread compiles its own."""

import threading

from django.core.exceptions import EmptyResultSet
from django.db import connections
from django.db.models.query import (
    FlatValuesListIterable,
    ModelIterable,
    ValuesListIterable,
    get_related_populators,
)

_local = threading.local()


def _marks(values):
    marks = []
    for index, value in enumerate(values):
        if isinstance(value, bool) or not isinstance(value, (int, str)):
            raise TypeError(f"only int and str values are prepared, not {value!r}")
        # In the range of integer columns (Django compiles a lookup with an
        # integer out of its column's range to no query at all); a text
        # nobody types.
        marks.append(
            2_000_000_011 + index if isinstance(value, int) else f"\x1f{index}\x1f"
        )
    return marks


class Statement:
    def __init__(self, queryset, marks):
        self.using = queryset.db
        compiler = queryset.query.get_compiler(using=self.using)
        # Compiling fills compiler.select and klass_info, as in ModelIterable.
        try:
            self.sql, params = compiler.as_sql()
        except EmptyResultSet as error:  # a small integer column, for one
            raise ValueError(
                f"{queryset.model.__name__}: a value is out of range"
            ) from error
        where = {mark: index for index, mark in enumerate(marks)}
        # For each parameter, the index of its value, or None and the constant.
        self.params = [(where.get(param), param) for param in params]
        if {index for index, _param in self.params} - {None} != set(where.values()):
            raise ValueError(f"{queryset.model.__name__}: a value is transformed")
        self.connection = compiler.connection
        self.width = compiler.col_count if compiler.has_extra_select else None
        select = compiler.select
        self.converters = list(
            compiler.get_converters(
                [column[0] for column in select[: compiler.col_count]]
            ).items()
        )
        self.kind = queryset._iterable_class
        if queryset._prefetch_related_lookups or queryset._known_related_objects:
            raise TypeError("prefetched or known related objects are not prepared")
        if self.kind is ModelIterable:
            if compiler.annotation_col_map:
                raise TypeError("annotated objects are not prepared")
            klass_info = compiler.klass_info
            self.model = klass_info["model"]
            first, last = (
                klass_info["select_fields"][0],
                klass_info["select_fields"][-1],
            )
            self.own = slice(first, last + 1)
            self.init_list = [column[0].target.attname for column in select[self.own]]
            self.populators = get_related_populators(klass_info, select, self.using)
        elif self.kind not in (ValuesListIterable, FlatValuesListIterable):
            raise TypeError(f"{self.kind.__name__} results are not prepared")

    def run(self, values):
        params = [
            constant if index is None else values[index]
            for index, constant in self.params
        ]
        with self.connection.cursor() as cursor:
            cursor.execute(self.sql, params)
            rows = cursor.fetchall()
        return [self._build(row) for row in rows]

    def _build(self, row):
        row = list(row[: self.width] if self.width else row)
        for position, (converters, expression) in self.converters:
            value = row[position]
            for converter in converters:
                value = converter(value, expression, self.connection)
            row[position] = value
        if self.kind is FlatValuesListIterable:
            return row[0]
        if self.kind is ValuesListIterable:
            return tuple(row)
        obj = self.model.from_db(self.using, self.init_list, row[self.own])
        for populator in self.populators:
            populator.populate(row, obj)
        return obj


def rows(key, build, *values):
    """The results (a list) of the queryset `build(*values)`, compiled once per
    thread under `key`: `build` must give the same query for any values."""
    try:
        statements = _local.statements
    except AttributeError:
        statements = _local.statements = {}
    statement = statements.get(key)
    if statement is None or statement.connection is not connections[statement.using]:
        marks = _marks(values)
        statement = statements[key] = Statement(build(*marks), marks)
    return statement.run(values)


def get(model, pk, related=()):
    """`model._default_manager.select_related(*related).filter(pk=pk)`'s one
    object, or None."""

    def build(mark):
        return (
            model._default_manager.select_related(*related).filter(pk=mark).order_by()
        )

    found = rows(("get", model, tuple(related)), build, pk)
    return found[0] if found else None
