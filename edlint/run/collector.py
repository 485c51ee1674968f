"""When Python's cycle collector runs during a one-shot ``edlint check``.

Loading the rules allocates a few hundred thousand objects that live until
the process ends (rule packs, patterns, the spelling groups, the literal
automaton). The cycle collector is triggered by allocations, so while they
are made it runs dozens of times and finds nothing to free; at exit it
walks them all once more before the interpreter tears down. Together that
is several percent of a one-article run (a pre-commit hook) and of every
worker of a big one.

So the console command pauses the collector while it starts, and once the
first article has been checked (everything loaded) it moves what exists to
the permanent generation (``gc.freeze``) and turns collection back on: the
articles that follow are collected as usual, but the loaded rules are
never walked again, and forked workers do not write to the pages they
share with the parent just to mark them. At exit the same freeze spares the
last walk.

Only the console command does this: a library caller, a test run or the
server keeps Python's defaults (``pause`` is never called there, and
``loaded`` then does nothing).
"""
from __future__ import annotations

import gc

_paused = False


def pause() -> None:
    """Stop collecting until ``loaded``: the console command, before it loads anything."""
    global _paused
    if gc.isenabled():
        gc.disable()
        _paused = True


def loaded() -> None:
    """The rules are loaded (the first article is checked): freeze what exists, collect from here on."""
    global _paused
    if _paused:
        _paused = False
        gc.freeze()
        gc.enable()


def at_exit() -> None:
    """The process is ending: nothing it holds needs collecting, so no last walk over all of it."""
    gc.freeze()
