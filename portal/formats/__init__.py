"""Date formats of the portal's languages where Django's own do not fit
(FORMAT_MODULE_PATH): templates use them through `date:"DATE_FORMAT"`."""
