from .commands.entry import run

run()
