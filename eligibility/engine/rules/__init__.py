"""The statute rules, one small function per rule, each returning a finding with its citation.

- ``counts.py``: which remedy a count falls under, the count exclusions, PC 17(b);
- ``remedies.py``: per remedy, when it opens, which CR-180 item, and what blocks it now;
- ``relief.py``: whether PC 1203.425 automatic relief may already have applied;
- ``alternatives.py``: other routes to mention (certificate of rehabilitation, Prop 47/64, ...);
- ``unknowns.py``: the cautious reading of facts the person did not know.
"""
