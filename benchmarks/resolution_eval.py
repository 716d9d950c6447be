"""Precision and recall of name matching at several fuzzy thresholds, on the
labelled pairs in tests/fixtures/resolution_pairs.yaml.

    python -m benchmarks.resolution_eval
"""
from __future__ import annotations

from pathlib import Path

import yaml

from ingest.resolve import EntityIndex, Resolver

PAIRS = Path(__file__).resolve().parent.parent / "tests" / "fixtures" / "resolution_pairs.yaml"
THRESHOLDS = (80, 85, 88, 90, 93, 95, 97, 100.1)


def evaluate(pairs: list[dict], threshold: float) -> dict:
    counts = {"right": 0, "wrong": 0, "missed": 0, "wrong_pairs": []}
    for pair in pairs:
        index = EntityIndex()
        index.add(pair["label"], "x:a", pair["a"])
        merged = Resolver(index, threshold=threshold).resolve(pair["label"], pair["b"]).id == "x:a"
        if merged and pair["same"]:
            counts["right"] += 1
        elif merged:
            counts["wrong"] += 1
            counts["wrong_pairs"].append((pair["a"], pair["b"]))
        elif pair["same"]:
            counts["missed"] += 1
    return counts


def main() -> None:
    pairs = yaml.safe_load(PAIRS.read_text(encoding="utf-8"))["pairs"]
    print(f"{len(pairs)} pairs, {sum(p['same'] for p in pairs)} same")
    print("| threshold | merges | wrong | precision | recall |")
    for threshold in THRESHOLDS:
        c = evaluate(pairs, threshold)
        merges = c["right"] + c["wrong"]
        print(f"| {threshold:g} | {merges} | {c['wrong']} | {c['right'] / merges:.3f} | "
              f"{c['right'] / (c['right'] + c['missed']):.3f} | {c['wrong_pairs'][:3]}")


if __name__ == "__main__":
    main()
