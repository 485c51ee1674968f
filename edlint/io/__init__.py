"""Input and output of files: reading articles safely, data files with their schemas,
configuration and presets, finding the files of a run, replacing a file atomically,
printing a file name.

The bottom layer: it imports nothing from ``run``, ``commands`` or ``report``.
"""
