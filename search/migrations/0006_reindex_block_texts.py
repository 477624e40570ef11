"""Empties the site search's index so that `migrate` rebuilds it at once
(search.index.build_if_empty, after the last migration): the text of blocks
without a template (a virtual tour's scenes) is now read from their text
children; entries made before held their raw values ("StructValue", "yaw")."""

from django.db import migrations


def empty_index(apps, schema_editor):
    apps.get_model("portal_search", "SearchEntry").objects.all().delete()
    apps.get_model("portal_search", "SearchWord").objects.all().delete()
    if schema_editor.connection.vendor == "sqlite":
        schema_editor.execute("DELETE FROM portal_search_fts")


class Migration(migrations.Migration):
    dependencies = [("portal_search", "0005_vector_per_language")]

    operations = [migrations.RunPython(empty_index, migrations.RunPython.noop)]
