"""Benchmarks: they measure speed and memory; the tests never assert on time."""
