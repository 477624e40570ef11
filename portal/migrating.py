"""post_migrate handlers that use the current models run only when the
database is at the current schema. Taking a migration back (`migrate home
0004`, an operator's rollback) or migrating one app alone also sends
post_migrate, while the tables still lag behind the models: a query would
name a column that is not there yet. The next full `migrate` runs them."""

import functools

from django.db import connections
from django.db.migrations.executor import MigrationExecutor


def schema_is_current(using="default"):
    executor = MigrationExecutor(connections[using])
    return not executor.migration_plan(executor.loader.graph.leaf_nodes())


def when_schema_is_current(handler):
    @functools.wraps(handler)
    def run(*args, **kwargs):
        if schema_is_current(kwargs.get("using", "default")):
            return handler(*args, **kwargs)
        return None

    return run
