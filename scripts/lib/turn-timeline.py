"""Reads a loopback capture of 1-learner turns (scripts/turn-timeline.sh) and prints where a turn's time goes.

Each message on the wire (a run of data packets in one direction) is one of: driver -> bot (a request), bot -> Azurite
(a storage request), Azurite -> bot (its reply), bot -> driver (the answer). The gap between the end of one message and
the start of the next is the time of whoever had to act: printed per kind of gap, median and mean, and per turn.
"""
import re
import statistics
import subprocess
import sys

NAMES = {
    "driver>bot -> bot>azurite": "bot, before its storage request",
    "bot>azurite -> azurite>bot": "Azurite",
    "azurite>bot -> bot>driver": "bot, after the storage reply",
    "bot>driver -> driver>bot": "driver (simulated Teams)",
    "azurite>bot -> bot>azurite": "bot, between two storage requests (a send through the connector)",
}


def main(pcap: str, bot_port: str, table_port: str) -> None:
    lines = subprocess.run(["tcpdump", "-r", pcap, "-tt", "-n", "-q"], capture_output=True, text=True, check=True).stdout.splitlines()
    packet = re.compile(r"^(\d+\.\d+) IP 127\.0\.0\.1\.(\d+) > 127\.0\.0\.1\.(\d+): tcp (\d+)")
    messages: list[list] = []  # [kind, first, last]
    for line in lines:
        m = packet.match(line)
        if not m or int(m[4]) == 0:
            continue
        source, target = m[2], m[3]
        kind = {target == bot_port: "driver>bot", source == bot_port: "bot>driver",
                target == table_port: "bot>azurite", source == table_port: "azurite>bot"}.get(True)
        if kind is None:
            continue
        t = float(m[1])
        if messages and messages[-1][0] == kind:
            messages[-1][2] = t
        else:
            messages.append([kind, t, t])
    turns = sum(1 for m in messages if m[0] == "driver>bot")
    if turns < 100:
        sys.exit(f"only {turns} turns captured")
    gaps: dict[str, list[float]] = {}
    for a, b in zip(messages, messages[1:]):
        gaps.setdefault(f"{a[0]} -> {b[0]}", []).append((b[1] - a[2]) * 1e6)
    span = messages[-1][2] - messages[0][1]
    print(f"{turns} turns in {span:.2f} s: {span / turns * 1e6:.0f} µs per turn (tcpdump itself slows the turns a little)")
    print(f"{'whose time':<66} {'gaps':>6} {'median µs':>10} {'mean µs':>8} {'µs per turn':>12}")
    for key, values in sorted(gaps.items(), key=lambda kv: -sum(kv[1])):
        print(f"{NAMES.get(key, key):<66} {len(values):>6} {statistics.median(values):>10.0f} {statistics.mean(values):>8.0f} {sum(values) / turns:>12.0f}")


if __name__ == "__main__":
    main(*sys.argv[1:4])
