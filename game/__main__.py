"""``python -m game`` is the same as the ``iss-game`` command."""

from game.cli.main import main

raise SystemExit(main())
