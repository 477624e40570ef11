# "6 dicembre 2021": Django's default for "it" writes the day with a leading
# zero and the month capitalised ("06 Dicembre 2021"), which Italian texts do
# not; E is the month as it stands in a date (portal/formats/months.py).
DATE_FORMAT = "j E Y"
DATETIME_FORMAT = "l j E Y H:i"
