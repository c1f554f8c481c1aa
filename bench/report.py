#!/usr/bin/python3
# SPDX-License-Identifier: GPL-3.0-or-later
"""Turns bench/run's raw results into the one table it prints: median rate per contender, MB/s, peak
RSS, ratios against the best other library and the floor, and PASS/MISS for each target of the issue."""

import argparse
import os
import platform
import statistics

LIBRARIES = ("slixmpp", "xmppjs", "gloox")
NAMES = {
    "slixmpp": "slixmpp ComponentXMPP",
    "xmppjs": "xmpp.js @xmpp/component",
    "gloox": "gloox Component",
    "floor": "floor: QTcpSocket+QXmlStreamReader",
    "xcm-core": "xcm core (ComponentConnection)",
    "xcm-gui": "xcm GUI (main window, log following)",
}
ORDER = ("slixmpp", "xmppjs", "gloox", "floor", "xcm-core", "xcm-gui")


def parse_line(line):
    """'RUN k=v k=v ... failure=free text' -> dict."""
    head, _, failure = line.partition(" failure=")
    fields = dict(token.split("=", 1) for token in head.split()[1:] if "=" in token)
    fields["failure"] = failure.strip()
    return fields


def cpu_model():
    try:
        with open("/proc/cpuinfo", encoding="utf-8") as f:
            for line in f:
                if line.startswith("model name"):
                    return line.split(":", 1)[1].strip()
    except OSError:
        pass
    return platform.processor() or "unknown CPU"


def memory_gib():
    try:
        with open("/proc/meminfo", encoding="utf-8") as f:
            return int(f.readline().split()[1]) / 1024 / 1024
    except (OSError, ValueError, IndexError):
        return 0


def verdict(ok):
    return "PASS" if ok else "MISS"


def main():
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--results", required=True)
    parser.add_argument("--logmem", default="")
    parser.add_argument("--bigstanza", default="", help="xcm-bench-bigstanza's output")
    parser.add_argument("--command", default="bench/run")
    parser.add_argument("--load-before", default="?")
    parser.add_argument("--load-after", default="?")
    args = parser.parse_args()

    runs = {}
    with open(args.results, encoding="utf-8") as f:
        for line in f:
            if line.startswith("RUN "):
                fields = parse_line(line)
                runs.setdefault(fields.get("label", "?"), []).append(fields)

    rows = {}
    for name, attempts in runs.items():
        good = [a for a in attempts if a.get("ok") == "1"]
        failures = [a["failure"] for a in attempts if a.get("ok") != "1"]
        row = {"runs": len(attempts), "good": len(good), "failures": failures}
        if good:
            row["rate"] = statistics.median(float(a["rate"]) for a in good)
            row["mbps"] = statistics.median(float(a["mbps"]) for a in good)
            row["rates"] = [float(a["rate"]) for a in good]
            row["rss_mb"] = max(int(a.get("rss_kb", "0")) for a in good) / 1024
            cpu = [float(a["cpu_seconds"]) / int(a["stanzas"]) * 1e6 for a in good if "cpu_seconds" in a]
            if cpu:
                row["cpu_us"] = statistics.median(cpu)
            if any("max_lateness_ms" in a for a in good):
                row["lateness"] = max(float(a.get("max_lateness_ms", "0")) for a in good)
        rows[name] = row

    libraries = [rows[n]["rate"] for n in LIBRARIES if "rate" in rows.get(n, {})]
    best_library = max(libraries) if libraries else None
    best_name = next((n for n in LIBRARIES if rows.get(n, {}).get("rate") == best_library), None)
    floor = rows.get("floor", {}).get("rate")
    core = rows.get("xcm-core", {}).get("rate")

    n_messages = next((int(a["stanzas"]) for a in sum(runs.values(), []) if a.get("ok") == "1"), 0)
    n_rounds = max((r["runs"] for r in rows.values()), default=0)
    print()
    print(f"Component benchmark: {n_messages:,} chat messages (~250 B) per run, {n_rounds} runs each, "
          "interleaved, median")
    print(f"Command: {args.command}")
    print(f"Machine: {cpu_model()}, {os.cpu_count()} cores, {memory_gib():.0f} GiB, "
          f"{platform.system()} {platform.release()}; load average before {args.load_before}, "
          f"after {args.load_after}")
    print()
    header = ("contender", "stanzas/s", "MB/s", "vs best lib", "vs floor", "CPU µs/stanza", "peak RSS",
              "UI freeze", "runs")
    table = []
    for name in ORDER + tuple(sorted(set(rows) - set(ORDER))):
        if name not in rows:
            continue
        row = rows[name]
        if "rate" not in row:
            table.append((NAMES.get(name, name), "FAILED", "", "", "", "", "", "", f"0/{row['runs']}"))
            continue
        rate = row["rate"]
        table.append((
            NAMES.get(name, name),
            f"{rate:,.0f}",
            f"{row['mbps']:.1f}",
            f"{rate / best_library:.2f}x" if best_library else "-",
            f"{rate / floor * 100:.0f}%" if floor else "-",
            f"{row['cpu_us']:.2f}" if "cpu_us" in row else "-",
            f"{row['rss_mb']:.0f} MB",
            f"{row['lateness']:.0f} ms" if "lateness" in row else "",
            f"{row['good']}/{row['runs']}",
        ))
    widths = [max(len(str(r[i])) for r in table + [header]) for i in range(len(header))]
    line = "| " + " | ".join(h.ljust(w) for h, w in zip(header, widths)) + " |"
    print(line)
    print("|" + "|".join("-" * (w + 2) if i == 0 else "-" * (w + 1) + ":" for i, w in enumerate(widths)) + "|")
    for r in table:
        print("| " + " | ".join(str(c).ljust(w) if i == 0 else str(c).rjust(w)
                                for i, (c, w) in enumerate(zip(r, widths))) + " |")

    print()
    targets = []
    if core and best_library:
        targets.append((f"xcm core >= 1.5x the best other library ({best_name})",
                        f"{core / best_library:.2f}x", core >= 1.5 * best_library))
    if core and floor:
        targets.append(("xcm core >= 85% of the floor", f"{core / floor * 100:.0f}%", core >= 0.85 * floor))
    gui = rows.get("xcm-gui", {})
    if "xcm-gui" in rows:
        if core and "rate" in gui:
            targets.append(("xcm GUI >= 50% of xcm core", f"{gui['rate'] / core * 100:.0f}%",
                            gui["rate"] >= 0.5 * core))
            lateness = gui.get("lateness")
            targets.append(("xcm GUI: no UI freeze over 50 ms (10 ms timer, worst run)",
                            f"{lateness:.0f} ms" if lateness is not None else "not reported",
                            lateness is not None and lateness <= 50))
        else:
            targets.append(("xcm GUI", "failed", False))
    else:
        targets.append(("xcm GUI contender", "not built (no xcm-bench-gui-peer)", False))

    if args.logmem.startswith("LOGMEM "):
        mem = dict(t.split("=", 1) for t in args.logmem.split()[1:])
        per, wire, budget = float(mem["per_stanza"]), float(mem["wire_per_stanza"]), float(mem["budget"])
        targets.append((f"log memory <= 1.5 x wire + 64 B ({int(mem['rows']):,} rows, wire {wire:.0f} B)",
                        f"{per:.0f} B/stanza of {budget:.0f} ({per / wire:.2f}x wire)",
                        mem["memory_ok"] == "1"))
        targets.append((f"log cap {int(mem['cap']):,}: newest rows kept, drops counted",
                        f"{int(mem['cap_rows']):,} kept, {int(mem['cap_dropped']):,} dropped",
                        mem["cap_ok"] == "1"))
    else:
        targets.append(("log memory", "xcm-bench-logmem failed", False))

    # A 500 KB stanza in the window: each step under 50 ms.
    steps = [dict(t.split("=", 1) for t in line.split()[1:])
             for line in args.bigstanza.splitlines() if line.startswith("XCM-BENCH-BIGSTANZA ")]
    if steps:
        for step in steps:
            freeze = float(step["freeze_ms"])
            targets.append((f"500 KB stanza ({step['stanza']}), {step['step']}: no UI freeze over 50 ms",
                            f"{freeze:.0f} ms", freeze <= 50))
    elif args.bigstanza != "skipped":
        targets.append(("500 KB stanza in the window", "xcm-bench-bigstanza failed or not built", False))

    width = max(len(t[0]) for t in targets)
    print("Targets:")
    for label, value, ok in targets:
        print(f"  {verdict(ok)}  {label.ljust(width)}  {value}")

    failures = [(n, f) for n, r in rows.items() for f in r["failures"]]
    if failures:
        print()
        print("Failed runs:")
        for name, failure in failures:
            print(f"  {name}: {failure}")
    print()
    print("CPU µs/stanza: the contender's user + system time over its whole life (start-up included) per "
          "message; it moves little when other work shares the machine, unlike stanzas/s.")
    print("Per-run rates (stanzas/s): " + "; ".join(
        f"{n} " + " ".join(f"{x:,.0f}" for x in rows[n].get("rates", [])) for n in ORDER if n in rows))


if __name__ == "__main__":
    main()
