from edlint.commands.cli import run

run()
