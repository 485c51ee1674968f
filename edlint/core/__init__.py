"""The core: findings and rule types, the engine that runs rules over one article,
the one-pass phrase matcher, suppressions, the rule registry and the kinds of house data.

Nothing here reads the command line, runs many files or prints a report: ``core`` imports
only ``io``, ``document`` and ``knowledge`` below it (tests/test_layers.py enforces this).
"""
