# "6 de dezembro de 2021": Django's default for "pt" capitalises the month,
# which Portuguese texts do not; E is the month as it stands in a date
# (portal/formats/months.py).
DATE_FORMAT = r"j \d\e E \d\e Y"
DATETIME_FORMAT = r"j \d\e E \d\e Y à\s H:i"
