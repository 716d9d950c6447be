"""`python -m aikg.cli …`, the same as the `aikg` executable."""
from aikg.cli import main

if __name__ == "__main__":
    main()
