"""Makes ``python -m graph`` behave like the ``actorgraph`` command."""
from graph.cli import main

if __name__ == "__main__":
    main()
