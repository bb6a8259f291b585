"""The ``iss-game`` command line: argparse front (main.py), one handler module a verb."""
