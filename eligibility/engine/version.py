"""The engine's version, stored beside every saved determination.

Bump it whenever a rule, a date computation or a message changes what a determination says, so a
saved result can be traced to the rules that produced it.
"""

ENGINE_VERSION = "2026.12.2"
