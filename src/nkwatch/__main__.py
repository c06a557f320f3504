"""``python -m nkwatch``: the ``nkwatch`` command."""
from .cli import main

main()
