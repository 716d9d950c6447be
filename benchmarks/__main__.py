"""`python -m benchmarks [--quick] [--scale 100k] [--json]`: the same as `aikg bench`."""
import sys

from aikg.cli import app

if __name__ == "__main__":
    app(["bench", *sys.argv[1:]], prog_name="python -m benchmarks")
