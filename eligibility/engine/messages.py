"""The translation marker for user-facing English text in a package that must not import Django.

Every sentence a person or clinic staff may read is written as ``gettext_noop("...")`` so that
Django's ``makemessages`` (which extracts the ``gettext_noop`` keyword) collects it into the Spanish
catalog, while the engine itself stays pure Python. The web layer translates at display time:

- a ``Reason`` carries ``template`` (the untranslated English with ``%(name)s`` placeholders) and
  ``params``, so ``gettext(reason.template) % dict(reason.params)`` gives the translated sentence;
- an assumption is a fixed sentence without placeholders, so ``gettext(assumption)`` translates it.
"""


def gettext_noop(message: str) -> str:
    """Mark ``message`` for extraction and return it unchanged."""
    return message
