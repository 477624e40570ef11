"""What backup_site and restore_site share: the archive format, what the dump
leaves out, a JSON serializer that keeps timestamps to the microsecond, and the
way a dump is loaded into a migrated database.

Content types and permissions are not in the dump: `migrate` creates them on
every database, with ids that depend on the order apps and models were added,
so the dump names them by natural key ("app_label", "model") and the restore
maps them onto the target's own rows. Every other object keeps its primary key,
because ids are also stored outside foreign keys (revision and log entry object
ids, StreamField blocks, URLs of documents and images)."""

import datetime
import json
from contextlib import contextmanager

from django.apps import apps
from django.contrib.auth.models import Permission
from django.contrib.contenttypes.models import ContentType
from django.core import serializers
from django.core.management import call_command
from django.core.management.color import no_style
from django.core.serializers import json as json_serializer
from django.db import connection, transaction
from django.db.models import signals

FORMAT = "keepinpact-backup/2"
# Version 1 archives refer to content types and permissions by id (and hold
# timestamps cut to the millisecond): converted on restore.
FORMAT_WITH_CONTENT_TYPE_IDS = "keepinpact-backup/1"
READABLE_FORMATS = (FORMAT, FORMAT_WITH_CONTENT_TYPE_IDS)

SERIALIZER = "backup-json"
EXCLUDED = [
    "contenttypes",  # created by migrate, referred to by natural key
    "auth.permission",  # likewise
    "sessions.session",  # nobody stays logged in across a restore
    "axes",  # login-attempt logs
    "wagtailsearch",  # the search index, rebuilt after a restore
    "portal_search.searchentry",  # the site search's index, likewise
    "portal_search.searchword",
]
NATURAL_KEY_MODELS = (ContentType, Permission)
KEPT_ON_RESTORE = {model._meta.db_table for model in NATURAL_KEY_MODELS}
# Saving a model sends these; nothing listening to them belongs in a restore.
MODEL_SIGNALS = (
    signals.pre_save,
    signals.post_save,
    signals.m2m_changed,
    signals.pre_delete,
    signals.post_delete,
)


class ExactJSONEncoder(json_serializer.DjangoJSONEncoder):
    """DjangoJSONEncoder cuts datetimes and times to the millisecond (what
    ECMAScript dates hold); a restore must give back the stored microseconds."""

    def default(self, o):
        if isinstance(o, datetime.datetime | datetime.time):
            return o.isoformat()
        return super().default(o)


def is_natural_primary_key(model):
    """A primary key that is a content type (WorkflowContentType's)."""
    return model._meta.pk.related_model in NATURAL_KEY_MODELS


class Serializer(json_serializer.Serializer):
    """dumpdata's JSON, with content types and permissions by natural key and
    every other relation by id: pages' natural key is their URL path, which
    log entries of deleted pages cannot give and which is not unique."""

    def _init_options(self):
        super()._init_options()
        self.json_kwargs["cls"] = ExactJSONEncoder

    def get_dump_object(self, obj):
        data = super().get_dump_object(obj)
        if is_natural_primary_key(type(obj)):
            # Deserializers read a primary key as a plain value: the restore
            # turns this one into the target's id (resolve_primary_keys).
            data["pk"] = getattr(obj, obj._meta.pk.name).natural_key()
        return data

    def handle_fk_field(self, obj, field):
        self.use_natural_foreign_keys = field.related_model in NATURAL_KEY_MODELS
        super().handle_fk_field(obj, field)

    def handle_m2m_field(self, obj, field):
        self.use_natural_foreign_keys = field.related_model in NATURAL_KEY_MODELS
        super().handle_m2m_field(obj, field)


# Any JSON deserializer reads full ISO timestamps.
Deserializer = json_serializer.Deserializer


def register_serializer():
    serializers.register_serializer(SERIALIZER, __name__)


def dump_database(path):
    """Every object of the database, as JSON, into the file `path`: read in one
    transaction, so that a site being edited meanwhile dumps consistently."""
    register_serializer()
    outermost = not connection.in_atomic_block
    with transaction.atomic():
        if connection.vendor == "postgresql" and outermost:
            # The default (read committed) gives each query its own snapshot.
            with connection.cursor() as cursor:
                cursor.execute(
                    "SET TRANSACTION ISOLATION LEVEL REPEATABLE READ, READ ONLY"
                )
        call_command(
            "dumpdata",
            all=True,
            format=SERIALIZER,
            exclude=EXCLUDED,
            output=str(path),
            verbosity=0,
        )


@contextmanager
def model_signals_muted():
    """Save signals stay silent while a dump loads. Loading passes raw=True,
    which our handlers and Wagtail's respect, but some in other libraries act
    on it anyway (wagtail-localize rewrites pages' draft titles when a
    translated string is saved and synchronises whole trees when a locale
    synchronisation is saved)."""
    saved = []
    for signal in MODEL_SIGNALS:
        with signal.lock:
            saved.append((signal, signal.receivers))
            signal.receivers = []
            signal.sender_receivers_cache.clear()
    try:
        yield
    finally:
        for signal, receivers in saved:
            with signal.lock:
                signal.receivers = receivers
                signal.sender_receivers_cache.clear()


def empty_database():
    """Delete every row of every model's table, sequences restarted, except
    content types and permissions: the dump refers to them by natural key and
    they must be those of this database's migrations."""
    tables = [
        table
        for table in connection.introspection.django_table_names(
            only_existing=True, include_views=False
        )
        if table not in KEPT_ON_RESTORE
    ]
    statements = connection.ops.sql_flush(no_style(), tables, reset_sequences=True)
    if connection.vendor == "postgresql":
        # TRUNCATE is refused while foreign-key checks deferred earlier in the
        # same transaction are pending: run them first.
        with connection.cursor() as cursor:
            cursor.execute("SET CONSTRAINTS ALL IMMEDIATE")
    connection.ops.execute_sql_flush(statements)
    if connection.vendor == "postgresql":
        with connection.cursor() as cursor:
            cursor.execute("SET CONSTRAINTS ALL DEFERRED")


def name_content_types_naturally(objects):
    """A version 1 dump as version 2 would have written it: references to
    content types and permissions by natural key instead of id, without the
    rows of those two tables nor the search index."""
    rows = {model: {} for model in NATURAL_KEY_MODELS}
    for obj in objects:
        if obj["model"] == "contenttypes.contenttype":
            fields = obj["fields"]
            rows[ContentType][obj["pk"]] = [fields["app_label"], fields["model"]]
    for obj in objects:
        if obj["model"] == "auth.permission":
            fields = obj["fields"]
            rows[Permission][obj["pk"]] = [
                fields["codename"],
                *rows[ContentType][fields["content_type"]],
            ]
    kept = []
    for obj in objects:
        model = apps.get_model(obj["model"])
        if model in rows or model._meta.app_label == "wagtailsearch":
            continue
        if is_natural_primary_key(model):
            obj["pk"] = rows[model._meta.pk.related_model][obj["pk"]]
        for name, value in obj["fields"].items():
            field = model._meta.get_field(name)
            natural = rows.get(field.related_model)
            if natural is None or value is None:
                continue
            if field.many_to_many:
                obj["fields"][name] = [natural[item] for item in value]
            else:
                obj["fields"][name] = natural[value]
        kept.append(obj)
    return kept


def resolve_primary_keys(objects):
    """Primary keys given by natural key, as this database numbers them."""
    for obj in objects:
        model = apps.get_model(obj["model"])
        if is_natural_primary_key(model):
            related = model._meta.pk.related_model
            obj["pk"] = related._default_manager.get_by_natural_key(*obj["pk"]).pk
    return objects


def load_database(path, archive_format=FORMAT):
    """Replace the whole database with the dump in `path`, in one transaction."""
    objects = json.loads(path.read_text(encoding="utf-8"))
    if archive_format == FORMAT_WITH_CONTENT_TYPE_IDS:
        objects = name_content_types_naturally(objects)
    with model_signals_muted(), transaction.atomic():
        empty_database()
        # This process may have cached content types of the rows just deleted.
        ContentType.objects.clear_cache()
        path.write_text(json.dumps(resolve_primary_keys(objects)), encoding="utf-8")
        call_command("loaddata", str(path), verbosity=0)
    ContentType.objects.clear_cache()
