# English as the European institutions write it, and as the portal's texts do:
# "28 March 2022" (Django's default for "en" is the American "March 28, 2022",
# with abbreviated months such as "Oct. 15, 2020").
DATE_FORMAT = "j F Y"
DATETIME_FORMAT = "j F Y, P"
