# "6 Dicembre 2021": Django's default for "it" writes the day with a leading
# zero ("06 Dicembre 2021"), which Italian texts do not.
DATE_FORMAT = "j F Y"
