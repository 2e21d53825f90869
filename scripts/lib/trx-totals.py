#!/usr/bin/env python3
"""Adds up the VSTest TRX files of a test run and prints one line: "N passed, N failed, N skipped".

Usage: trx-totals.py RESULTS_DIR
Exit code: 0 when at least one test ran and none failed, 1 otherwise (2 on bad usage or an unreadable file).
"failed" counts failed, errored, timed-out and aborted results; "skipped" counts tests that were not executed (xUnit's Skip).
"""
import glob
import os
import sys
import xml.etree.ElementTree as ET

NS = {"t": "http://microsoft.com/schemas/VisualStudio/TeamTest/2010"}


def main() -> int:
    if len(sys.argv) != 2:
        print(__doc__, file=sys.stderr)
        return 2
    files = sorted(glob.glob(os.path.join(sys.argv[1], "**", "*.trx"), recursive=True))
    passed = failed = skipped = 0
    for path in files:
        try:
            counters = ET.parse(path).getroot().find("t:ResultSummary/t:Counters", NS)
        except ET.ParseError as error:
            print(f"error: cannot read {path}: {error}", file=sys.stderr)
            return 2
        if counters is None:
            print(f"error: {path} has no ResultSummary/Counters", file=sys.stderr)
            return 2

        def count(name: str) -> int:
            return int(counters.get(name, "0"))

        passed += count("passed")
        failed += count("failed") + count("error") + count("timeout") + count("aborted")
        # VSTest leaves notExecuted at 0 for xUnit's skipped tests; they are the total less the executed ones.
        skipped += max(count("notExecuted"), count("total") - count("executed"))
    if not files:
        print(f"error: no TRX file in {sys.argv[1]}: no test project reported results", file=sys.stderr)
    elif passed + failed == 0:
        print(f"error: no test ran ({len(files)} test result file(s), all empty)", file=sys.stderr)
    print(f"{passed} passed, {failed} failed, {skipped} skipped")
    return 0 if passed > 0 and failed == 0 else 1


if __name__ == "__main__":
    sys.exit(main())
