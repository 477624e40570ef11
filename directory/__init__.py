from django.apps import apps as registry


def model(name):
    """A model of the directory, read from Django's app registry. The models'
    routes call the views, and the views use the search, the index and the
    suggestions: those modules name the models this way instead of importing
    them, so that no import leads back to the models."""
    return registry.get_model("directory", name)
