"""Summarise a py-spy speedscope profile: inclusive share of time per parksgis function.

    py-spy record -f speedscope -o /tmp/p.json -- python -m benchmarks.stages first_frame \\
        benchmarks/out/data/100k --repeat 1
    python -m benchmarks.profile_summary /tmp/p.json [--all] [--top 30]
"""

from __future__ import annotations

import argparse
import collections
import json


def inclusive_shares(profile: dict) -> tuple[float, collections.Counter]:
    frames = profile["shared"]["frames"]
    shares: collections.Counter = collections.Counter()
    total = 0.0
    for prof in profile["profiles"]:
        for stack, weight in zip(prof["samples"], prof["weights"]):
            total += weight
            seen = set()
            for index in stack:
                frame = frames[index]
                path = frame.get("file", "")
                short = path.split("site-packages/")[-1]
                if "/parksgis/" in path:
                    short = "parksgis/" + path.split("/parksgis/", 1)[1]
                key = f"{frame['name']} ({short})"
                if key not in seen:  # recursion counts once per sample
                    shares[key] += weight
                    seen.add(key)
    return total, shares


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("speedscope_json")
    parser.add_argument("--all", action="store_true", help="every function, not only parksgis")
    parser.add_argument("--top", type=int, default=30)
    args = parser.parse_args(argv)
    with open(args.speedscope_json, encoding="utf-8") as fh:
        total, shares = inclusive_shares(json.load(fh))
    shown = 0
    for key, weight in shares.most_common():
        if args.all or "parksgis/" in key:
            print(f"{weight / total * 100:5.1f}%  {key}")
            shown += 1
            if shown >= args.top:
                break
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
