"""The one error edlint raises about its input: an article, a configuration or a data file.

Whatever the file (an article that cannot be decoded, a config key that does
not exist, a rule pack with a bad pattern), the problem is the same three
facts: which file, which line if there is one, and what is wrong. Every
report prints it as the same one line, ``path[:line]: message``, so one class
carries them and every layer catches that class alone.
"""
from __future__ import annotations


class InputError(ValueError):
    """A problem in a file edlint reads, located as precisely as the file allows.

    ``str(error)`` is the one line every report prints: the path as
    ``display_path`` shows it (always one printable line), the line when
    known, then the message.
    """

    def __init__(self, path: str, message: str, line: int | None = None):
        self.path = path
        self.line = line
        self.message = message
        super().__init__(self.one_line())

    def one_line(self) -> str:
        """``path[:line]: message``, the path printable on one line whatever the file system allowed."""
        from edlint.io.filenames import display_path

        where = f"{display_path(self.path)}:{self.line}" if self.line else display_path(self.path)
        return f"{where}: {self.message}"
