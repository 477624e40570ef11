"""A centre's types, and its place and contact fields in the order the import
file, the suggestion form, the moderation of suggestions and the CSV export
list them (no model here: the directory's views, search and forms read them
without importing the models)."""

from django.utils.translation import gettext_lazy as _

CENTRE_TYPES = [
    ("cite_des_metiers", _("Cité des métiers")),
    ("one_stop_shop", _("One-stop shop")),
    ("guidance_centre", _("Guidance centre")),
    ("online_service", _("Online service")),
]
PLACE_FIELDS = (
    "country",
    "region",
    "city",
    "address",
    "postcode",
    "latitude",
    "longitude",
)
CONTACT_FIELDS = ("website", "email", "phone")
