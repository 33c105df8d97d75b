"""Cost of an analyst's "different" judgement between two names said in many reports.

    .venv/bin/python bench/different_judgement.py [--sides 1000,3000,10000]

For each N, N name groups (one per report) carry one organisation's name and N another's
(spellings that the resolver would merge unaided); the judgement says they differ. Prints the
CPU seconds of turning the judgement into links and resolving, and the peak RSS of this
process so far (run one size per process to read each size's own peak).
"""
from __future__ import annotations

import argparse
import resource
import time
from types import SimpleNamespace

from actorgraph.resolve.cluster import resolve
from actorgraph.resolve.judged import constraints
from actorgraph.resolve.records import NameGroup


def groups(n: int) -> list[NameGroup]:
    return [NameGroup(f"{side}{k:06}", f"doc-{side}{k}", "organization", None,
                      ((name, 1),), frozenset())
            for side, name in (("w", "Northern Water Authority"),
                               ("n", "Nothern Water Authority"))
            for k in range(n)]


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--sides", default="1000,3000")
    for n in map(int, parser.parse_args().sides.split(",")):
        gs = groups(n)
        judged = SimpleNamespace(action="different", a="Northern Water Authority",
                                 b="Nothern Water Authority", value=None)
        start = time.process_time()
        result = resolve(gs, cannot_link=constraints([judged], gs).cannot)
        cpu = time.process_time() - start
        peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss // 1024
        print(f"{n} groups per name: {cpu:.2f} CPU s, peak RSS {peak} MB, "
              f"{len(result.clusters)} clusters")


if __name__ == "__main__":
    main()
