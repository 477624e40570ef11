"""No models: the app needs a models module so that post_migrate reaches it
(translations.signal_handlers re-applies the roles after every migrate)."""
