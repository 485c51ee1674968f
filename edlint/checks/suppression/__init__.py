"""Suppression comments that name no rule: a typo there would silently hide nothing.

Like a linter's "unknown code in noqa" check, each rule id or prefix named in
an ``edlint-disable…`` comment must exist; one that does not is a finding of
its own, located on the id, with the closest known id.
"""
from __future__ import annotations

from .unknown_rule import UnknownRule

RULES = [UnknownRule]
