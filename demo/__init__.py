"""The demo site: the project's own texts (guide, case studies, news, events,
centres, tours) loaded through Wagtail and wagtail-localize as editors and
translators would make them, with the images, PDFs and panoramas it
generates. `manage.py load_demo` runs it (demo.loader.load_all); nothing in
the apps' runtime code imports it."""
