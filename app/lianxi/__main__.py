"""`python -m lianxi` runs the command line."""
from lianxi.cli import main

main()
