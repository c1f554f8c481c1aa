#!/usr/bin/python3
# SPDX-License-Identifier: GPL-3.0-or-later
"""Turns bench/run's raw results into the tables it prints: median rate per contender, MB/s, peak RSS,
ratios against the best other library and the floor; the proxy's round trips and throughput against a
direct connection; and PASS/MISS for each target of the issues."""

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
    "xcm-gui-record": "xcm GUI, recording to disk",
}
ORDER = ("slixmpp", "xmppjs", "gloox", "floor", "xcm-core", "xcm-gui", "xcm-gui-record")
PROXY_NAMES = {
    "direct": "direct (component to load source)",
    # A byte relay that never looks at a stanza: what any proxy costs on this machine, at the least.
    "socat-proxy": "through socat (byte relay, the floor)",
    "xcm-cli-proxy": "through xcm-cli --proxy",
    # The GUI-logging path: bench/run runs it once xcm-bench-via-proxy --list-proxies names xcm-gui.
    "xcm-gui-proxy": "through the xcm GUI's proxy",
}


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
    """PASS, MISS, or TODO for a target that cannot be measured yet (None)."""
    return "TODO" if ok is None else "PASS" if ok else "MISS"


TICK_SECONDS = 0.01  # /proc/stat's unit (USER_HZ 100 on Linux)

CORES_BUSY_NOTE = (
    "Cores busy: the whole machine's CPU time from /proc/stat (every process, the kernel's loopback work "
    "included, start-up excluded) from the first message written to the answer to the last, over that "
    "time; median of the runs. /proc/stat counts in ticks of 10 ms, each core's off by up to a tick at "
    "each reading: hence the ± after each figure, larger the shorter the run. Well below the number of "
    "cores, the cores were not what held the path back: one thread on it was (the busiest process's CPU "
    "µs/stanza against the 1e6 / rate µs a stanza took). Time the hypervisor took (steal) is not busy time; "
    "where it was more than 0.05 of a core, a line below says so.")


def machine_usage(row, runs):
    """The machine's cores busy and its CPU µs a stanza during the clocked part of the runs (medians)."""
    measured = [a for a in runs if float(a.get("machine_cpu_seconds", "-1")) >= 0 and float(a["seconds"]) > 0
                and int(a.get("cores", "0")) > 0]
    if measured:
        row["cores"] = int(statistics.median(int(a["cores"]) for a in measured))
        row["cores_busy"] = statistics.median(float(a["machine_cpu_seconds"]) / float(a["seconds"])
                                              for a in measured)
        row["machine_us"] = statistics.median(float(a["machine_cpu_seconds"]) / int(a["stanzas"]) * 1e6
                                              for a in measured)
        row["steal"] = statistics.median(float(a.get("machine_steal_seconds", "0")) / float(a["seconds"])
                                         for a in measured)
        # Each core's count is read in ticks at both ends: off by up to a tick each, over the run's time.
        row["busy_error"] = row["cores"] * TICK_SECONDS / statistics.median(float(a["seconds"]) for a in measured)


def steal_note(rows):
    """A line for the paths where the hypervisor took a noticeable share of the cores, or None."""
    stolen = [f"{name} {row['steal']:.2f}" for name, row in rows if row.get("steal", 0) > 0.05]
    return "Cores taken by the hypervisor (steal), median: " + ", ".join(stolen) if stolen else None


def busy_text(row):
    return f"{row['cores_busy']:.2f} ±{row['busy_error']:.2f}" if "cores_busy" in row else ""


def budget_note(goal, rate, row, base=None):
    """Whether the machine's cores could carry `row`'s path at `rate` stanzas/s if a stanza cost the
    machine what it cost in this run (every process and the kernel, MachineCpu): the cores that would
    take, against the cores there are. With a `base` (name, row) the path is that plus something (a
    proxy, recording), and the note says what the something may add."""
    if "machine_us" not in row or (base and "machine_us" not in base[1]) or rate <= 0:
        return None
    cores = row["cores"]
    needed = row["machine_us"] * rate / 1e6
    error = needed * row["busy_error"] / row["cores_busy"] if row["cores_busy"] > 0 else 0
    text = (f"{goal} ({rate:,.0f} stanzas/s) would take {needed:.2f} ±{error:.2f} cores at this run's CPU a "
            f"stanza ({row['machine_us']:.2f} µs, the whole machine's); there are {cores}")
    if abs(needed - cores) <= error:
        return text + ": too close to tell with this measure."
    if needed < cores:
        return text + (": the cores could carry it, so the pace is set by one thread, not by the machine "
                       f"(cores busy {row['cores_busy']:.2f}).")
    text += f": a stanza may cost {cores * 1e6 / rate:.2f} µs"
    if base:
        name, base_row = base
        text += (f", so what it adds to {name} ({base_row['machine_us']:.2f} µs) must fall from "
                 f"{row['machine_us'] - base_row['machine_us']:.2f} to "
                 f"{cores * 1e6 / rate - base_row['machine_us']:.2f} µs")
    return text + ": the work must shrink, not only move to another thread."


def print_table(header, table):
    """A Markdown table: the first column left-aligned, the others right-aligned."""
    widths = [max(len(str(r[i])) for r in table + [header]) for i in range(len(header))]
    line = "| " + " | ".join(h.ljust(w) for h, w in zip(header, widths)) + " |"
    print(line)
    print("|" + "|".join("-" * (w + 2) if i == 0 else "-" * (w + 1) + ":" for i, w in enumerate(widths)) + "|")
    for r in table:
        print("| " + " | ".join(str(c).ljust(w) if i == 0 else str(c).rjust(w)
                                for i, (c, w) in enumerate(zip(r, widths))) + " |")


def read_results(path):
    """The results file's lines by kind ('RUN', 'PROXY-LATENCY', 'PROXY-FLOOD'), then by label."""
    kinds = {"RUN": {}, "PROXY-LATENCY": {}, "PROXY-FLOOD": {}}
    with open(path, encoding="utf-8") as f:
        for line in f:
            kind = line.split(" ", 1)[0]
            if kind in kinds:
                fields = parse_line(line)
                kinds[kind].setdefault(fields.get("label", "?"), []).append(fields)
    return kinds


def race_section(runs, logmem, preamble):
    """The contenders' table; returns its targets and failed runs."""
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
            machine_usage(row, good)
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
    preamble()
    print()
    header = ("contender", "stanzas/s", "MB/s", "vs best lib", "vs floor", "CPU µs/stanza", "cores busy",
              "peak RSS", "UI freeze", "runs")
    table = []
    for name in ORDER + tuple(sorted(set(rows) - set(ORDER))):
        if name not in rows:
            continue
        row = rows[name]
        if "rate" not in row:
            table.append((NAMES.get(name, name), "FAILED", "", "", "", "", "", "", "", f"0/{row['runs']}"))
            continue
        rate = row["rate"]
        table.append((
            NAMES.get(name, name),
            f"{rate:,.0f}",
            f"{row['mbps']:.1f}",
            f"{rate / best_library:.2f}x" if best_library else "-",
            f"{rate / floor * 100:.0f}%" if floor else "-",
            f"{row['cpu_us']:.2f}" if "cpu_us" in row else "-",
            busy_text(row),
            f"{row['rss_mb']:.0f} MB",
            f"{row['lateness']:.0f} ms" if "lateness" in row else "",
            f"{row['good']}/{row['runs']}",
        ))
    print_table(header, table)

    targets = []
    if core and best_library:
        targets.append((f"xcm core >= 1.5x the best other library ({best_name})",
                        f"{core / best_library:.2f}x", core >= 1.5 * best_library))
    if core and floor:
        # Issue 15: on a quiet machine (the load averages are in the header above).
        targets.append(("xcm core >= 90% of the floor", f"{core / floor * 100:.0f}%", core >= 0.9 * floor))
    gui = rows.get("xcm-gui", {})
    if "xcm-gui" in rows:
        if core and "rate" in gui:
            targets.append(("xcm GUI >= 80% of xcm core (issue 15)", f"{gui['rate'] / core * 100:.0f}%",
                            gui["rate"] >= 0.8 * core))
            lateness = gui.get("lateness")
            targets.append(("xcm GUI: no UI freeze over 50 ms (10 ms timer, worst run)",
                            f"{lateness:.0f} ms" if lateness is not None else "not reported",
                            lateness is not None and lateness <= 50))
        else:
            targets.append(("xcm GUI", "failed", False))
    else:
        targets.append(("xcm GUI contender", "not built (no xcm-bench-gui-peer)", False))
    # Issue 14: recording to disk, on a thread of its own, costs no throughput the benchmark can see.
    recording = rows.get("xcm-gui-record", {})
    if "xcm-gui-record" in rows and "rate" in gui:
        if "rate" in recording:
            targets.append(("xcm GUI recording to disk >= 95% of xcm GUI",
                            f"{recording['rate'] / gui['rate'] * 100:.0f}%",
                            recording["rate"] >= 0.95 * gui["rate"]))
        else:
            targets.append(("xcm GUI recording to disk", "failed", False))

    if logmem.startswith("LOGMEM "):
        mem = dict(t.split("=", 1) for t in logmem.split()[1:])
        per, wire, budget = float(mem["per_stanza"]), float(mem["wire_per_stanza"]), float(mem["budget"])
        targets.append((f"log memory <= 1.5 x wire + 64 B ({int(mem['rows']):,} rows, wire {wire:.0f} B)",
                        f"{per:.0f} B/stanza of {budget:.0f} ({per / wire:.2f}x wire)",
                        mem["memory_ok"] == "1"))
        targets.append(("log memory <= 1.2 x wire (issue 15)", f"{per / wire:.2f}x wire", per <= 1.2 * wire))
        targets.append((f"log cap {int(mem['cap']):,}: newest rows kept, drops counted",
                        f"{int(mem['cap_rows']):,} kept, {int(mem['cap_dropped']):,} dropped",
                        mem["cap_ok"] == "1"))
    else:
        targets.append(("log memory", "xcm-bench-logmem failed", False))

    budgets = []  # for the targets missed
    if core and "rate" in gui and gui["rate"] < 0.8 * core:
        budgets.append(budget_note("xcm GUI at 80% of xcm core", 0.8 * core, gui))
    if "rate" in gui and "rate" in recording and recording["rate"] < 0.95 * gui["rate"]:
        budgets.append(budget_note("Recording at 95% of xcm GUI", 0.95 * gui["rate"], recording,
                                   ("the GUI without recording", gui)))
    failures = [(n, f) for n, r in rows.items() for f in r["failures"]]
    budgets.append(steal_note((NAMES.get(n, n), r) for n, r in rows.items()))
    notes = [n for n in budgets if n] + [
        "CPU µs/stanza: the contender's user + system time over its whole life (start-up included) per "
        "message; it moves little when other work shares the machine, unlike stanzas/s.",
        CORES_BUSY_NOTE,
        "Per-run rates (stanzas/s): " + "; ".join(
            f"{n} " + " ".join(f"{x:,.0f}" for x in rows[n].get("rates", [])) for n in ORDER if n in rows),
    ]
    return targets, failures, notes


def proxy_section(latency_runs, flood_runs, preamble):
    """The proxy's latency and throughput against a direct connection; returns its targets, failed runs
    and notes."""
    def paths(runs):
        return ["direct"] + sorted(p for p in runs if p != "direct")

    def label(path):
        return PROXY_NAMES.get(path, path)

    failures = [(f"proxy {kind} {path}", a["failure"]) for kind, runs in (("latency", latency_runs),
                                                                          ("flood", flood_runs))
                for path, attempts in runs.items() for a in attempts if a.get("ok") != "1"]
    good_latency = {p: [a for a in runs if a.get("ok") == "1"] for p, runs in latency_runs.items()}
    good_flood = {p: [a for a in runs if a.get("ok") == "1"] for p, runs in flood_runs.items()}
    n_rounds = max((len(r) for r in list(latency_runs.values()) + list(flood_runs.values())), default=0)
    print()
    print(f"Proxy benchmark: load source -> [proxy ->] xcm core component (xcm-bench-peer) and back, "
          f"{n_rounds} runs each, interleaved, median")
    preamble()

    # Latency: the median over runs of each run's percentile.
    some = next((a for runs in good_latency.values() for a in runs), None)
    lat = {}
    for path, runs in good_latency.items():
        if runs:
            lat[path] = {k: statistics.median(float(a[k]) for a in runs)
                         for k in ("p50_us", "p90_us", "p99_us", "p999_us", "max_us")}
            lat[path]["late"] = max(int(a.get("late_sends", "0")) for a in runs)
    print()
    if some:
        print(f"Round trip of {int(some['stanzas']):,} messages at {float(some['rate']):,.0f}/s, each echoed "
              "(load source -> component -> load source):")
    else:
        print("Round trip at a steady rate: no run succeeded")
    print()

    def ms(us, sign=False):
        return f"{us / 1000:+.3f} ms" if sign else f"{us / 1000:.3f} ms"

    header = ("path", "p50", "p90", "p99", "p99.9", "max", "late sends", "runs")
    table = []
    for path in paths(latency_runs):
        runs = latency_runs.get(path, [])
        if path not in lat:
            table.append((label(path), "FAILED", "", "", "", "", "", f"0/{len(runs)}"))
            continue
        row = lat[path]
        table.append((label(path), ms(row["p50_us"]), ms(row["p90_us"]), ms(row["p99_us"]), ms(row["p999_us"]),
                      ms(row["max_us"]), f"{row['late']}", f"{len(good_latency[path])}/{len(runs)}"))
    for path in paths(latency_runs)[1:]:
        if path in lat and "direct" in lat:
            a, b = lat["direct"], lat[path]
            table.append((f"added by {label(path).removeprefix('through ')}",
                          *(ms(b[k] - a[k], sign=True) for k in ("p50_us", "p90_us", "p99_us", "p999_us", "max_us")),
                          "", ""))
    print_table(header, table)

    # Throughput: the race's flood, median rate.
    flood = {}
    for path, runs in good_flood.items():
        if not runs:
            continue
        row = {"rate": statistics.median(float(a["rate"]) for a in runs),
               "mbps": statistics.median(float(a["mbps"]) for a in runs),
               "rates": [float(a["rate"]) for a in runs],
               "cpu_us": statistics.median(float(a["cpu_seconds"]) / int(a["stanzas"]) * 1e6 for a in runs)}
        machine_usage(row, runs)
        proxy_cpu = [float(a["proxy_cpu_seconds"]) / int(a["stanzas"]) * 1e6 for a in runs
                     if float(a.get("proxy_cpu_seconds", "-1")) >= 0]
        if proxy_cpu:
            row["proxy_cpu_us"] = statistics.median(proxy_cpu)
        proxy_rss = [int(a["proxy_rss_kb"]) for a in runs if int(a.get("proxy_rss_kb", "-1")) > 0]
        if proxy_rss:
            row["proxy_rss_mb"] = max(proxy_rss) / 1024
        flood[path] = row
    some = next((a for runs in good_flood.values() for a in runs), None)
    print()
    print(f"Throughput: a flood of {int(some['stanzas']):,} messages, time to the answer to the last:"
          if some else "Throughput: no run succeeded")
    print()
    direct = flood.get("direct", {}).get("rate")
    header = ("path", "stanzas/s", "MB/s", "vs direct", "CPU µs/stanza", "proxy's share", "cores busy",
              "proxy peak RSS", "runs")
    table = []
    for path in paths(flood_runs):
        runs = flood_runs.get(path, [])
        if path not in flood:
            table.append((label(path), "FAILED", "", "", "", "", "", "", f"0/{len(runs)}"))
            continue
        row = flood[path]
        table.append((label(path), f"{row['rate']:,.0f}", f"{row['mbps']:.1f}",
                      f"{row['rate'] / direct * 100:.0f}%" if direct else "-", f"{row['cpu_us']:.2f}",
                      f"{row['proxy_cpu_us']:.2f}" if "proxy_cpu_us" in row else "",
                      busy_text(row),
                      f"{row['proxy_rss_mb']:.0f} MB" if "proxy_rss_mb" in row else "",
                      f"{len(good_flood[path])}/{len(runs)}"))
    print_table(header, table)

    targets = []
    for path, name, share in (("xcm-cli-proxy", "xcm-cli", 0.85), ("xcm-gui-proxy", "the GUI logging", 0.70)):
        attempted = path in latency_runs or path in flood_runs
        if not attempted and path == "xcm-gui-proxy":
            why = "not measured: xcm-bench-gui-proxy was not built (the desktop app is off in this build)"
            targets.append((f"proxy ({name}): p99 added latency <= 2 ms", why, None))
            targets.append((f"proxy ({name}): throughput >= {share:.0%} of direct", why, None))
            continue
        if path in lat and "direct" in lat:
            added99 = lat[path]["p99_us"] - lat["direct"]["p99_us"]
            added50 = lat[path]["p50_us"] - lat["direct"]["p50_us"]
            targets.append((f"proxy ({name}): p99 added latency <= 2 ms",
                            f"{added99 / 1000:.3f} ms (p50 {added50 / 1000:+.3f} ms)", added99 <= 2000))
        else:
            targets.append((f"proxy ({name}): p99 added latency <= 2 ms", "failed", False))
        if path in flood and direct:
            ratio = flood[path]["rate"] / direct
            targets.append((f"proxy ({name}): throughput >= {share:.0%} of direct", f"{ratio * 100:.0f}%",
                            ratio >= share))
        else:
            targets.append((f"proxy ({name}): throughput >= {share:.0%} of direct", "failed", False))

    budgets = [budget_note(f"{label(path)[0].upper()}{label(path)[1:]} at {share:.0%} of direct", share * direct, flood[path],
                           ("the direct path", flood["direct"]))
               for path, share in (("xcm-cli-proxy", 0.85), ("xcm-gui-proxy", 0.70))
               if path in flood and direct and flood[path]["rate"] < share * direct]
    budgets.append(steal_note((label(p), r) for p, r in flood.items()))
    notes = [n for n in budgets if n] + [
        "Proxy throughput, CPU µs/stanza: the whole path's user + system time per message (through a proxy: "
        "proxy, component and xcm-bench-via-proxy starting them); proxy's share: the proxy alone, start-up "
        "included, read from /proc before it shuts down.",
        CORES_BUSY_NOTE,
        "Per-run proxy round trips (p50/p99 µs): " + "; ".join(
            f"{p} " + " ".join(f"{float(a['p50_us']):.0f}/{float(a['p99_us']):.0f}" for a in good_latency.get(p, []))
            for p in paths(latency_runs)),
        "Per-run proxy floods (stanzas/s): " + "; ".join(
            f"{p} " + " ".join(f"{x:,.0f}" for x in flood.get(p, {}).get("rates", [])) for p in paths(flood_runs)),
    ]
    return targets, failures, notes


def bigstanza_targets(output):
    """A 500 KB stanza in the window: each step of xcm-bench-bigstanza under 50 ms."""
    steps = [dict(t.split("=", 1) for t in line.split()[1:])
             for line in output.splitlines() if line.startswith("XCM-BENCH-BIGSTANZA ")]
    if not steps:
        return [("500 KB stanza in the window", "xcm-bench-bigstanza failed or not built", False)]
    return [(f"500 KB stanza ({step['stanza']}), {step['step']}: no UI freeze over 50 ms",
             f"{float(step['freeze_ms']):.0f} ms", float(step["freeze_ms"]) <= 50) for step in steps]


def main():
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--results", required=True)
    parser.add_argument("--logmem", default="")
    parser.add_argument("--bigstanza", default="", help="xcm-bench-bigstanza's output")
    parser.add_argument("--command", default="bench/run")
    parser.add_argument("--load-before", default="?")
    parser.add_argument("--load-after", default="?")
    args = parser.parse_args()

    results = read_results(args.results)
    targets, failures, notes = [], [], []
    printed = []

    def preamble():
        """The command and the machine, under the first section's title."""
        if printed:
            return
        printed.append(True)
        print(f"Command: {args.command}")
        print(f"Machine: {cpu_model()}, {os.cpu_count()} cores, {memory_gib():.0f} GiB, "
              f"{platform.system()} {platform.release()}; load average before {args.load_before}, "
              f"after {args.load_after}")

    sections = []
    if results["RUN"]:
        sections.append(race_section(results["RUN"], args.logmem, preamble))
    if results["PROXY-LATENCY"] or results["PROXY-FLOOD"]:
        sections.append(proxy_section(results["PROXY-LATENCY"], results["PROXY-FLOOD"], preamble))
    if not sections:
        print()
        preamble()
    for section_targets, section_failures, section_notes in sections:
        targets += section_targets
        failures += section_failures
        notes += section_notes
    targets += bigstanza_targets(args.bigstanza)

    print()
    if targets:
        width = max(len(t[0]) for t in targets)
        print("Targets:")
        for label, value, ok in targets:
            print(f"  {verdict(ok)}  {label.ljust(width)}  {value}")
    if failures:
        print()
        print("Failed runs:")
        for name, failure in failures:
            print(f"  {name}: {failure}")
    print()
    for note in dict.fromkeys(notes):  # a note both sections give (cores busy), once
        print(note)


if __name__ == "__main__":
    main()
