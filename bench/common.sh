# shellcheck shell=bash
# SPDX-License-Identifier: GPL-3.0-or-later
# Shared by bench/run and bench/perf-check: the work directory, the secret, how each xcm contender is
# started and one run of the load source against one contender. Sourced, not run.

# Makes $work (removed at exit) with a 0600 secret in $secret_file, a private HOME and runtime dir.
bench_make_work() {
    work="$(mktemp -d "/tmp/$1.XXXXXX")"
    trap 'rm -rf "$work"' EXIT
    secret_file="$work/secret"
    head -c 18 /dev/urandom | base64 | tr -d '\n' >"$secret_file"
    chmod 600 "$secret_file" # xcm-cli rightly warns about a secret other users can read
    mkdir -p "$work/home" "$work/runtime"
    chmod 700 "$work/runtime"
}

# Adds the xcm contenders built in BIN to the associative array `commands` (made if the caller has none).
bench_xcm_commands() {
    local bin="$1"
    declare -gA commands
    # No keychain (no session bus) and a private HOME: the window keeps the secret in memory and never
    # touches the user's keychain, settings or compose history.
    local gui_env="env -u DBUS_SESSION_BUS_ADDRESS QT_QPA_PLATFORM=offscreen HOME=$work/home XDG_CONFIG_HOME=$work/home/.config XDG_DATA_HOME=$work/home/.local/share XDG_RUNTIME_DIR=$work/runtime"
    commands[floor]="$bin/xcm-bench-floor"
    commands[xcm-core]="$bin/xcm-bench-peer"
    commands[xcm-gui]="$gui_env $bin/xcm-bench-gui-peer"
    # The same with Profile › Record Traffic to Disk on (issue 14: recording must cost nothing visible).
    commands[xcm-gui-record]="$gui_env XCM_BENCH_RECORD=1 $bin/xcm-bench-gui-peer"
}

# bench_race BIN NAME ROUND MESSAGES DOMAIN TIMEOUT_S: one flood of the contender NAME by the load
# source; prints "round=R [the GUI's figures] label=… ok=… rate=…" (the failure text last, since it
# may contain spaces). The contender's output stays in $work/NAME.ROUND.log.
bench_race() {
    local bin="$1" name="$2" round="$3" messages="$4" domain="$5" timeout_s="$6"
    local log="$work/$name.$round.log" line gui
    local -a command
    read -r -a command <<<"${commands[$name]}"
    line="$("$bin/xcm-bench-load" --messages "$messages" --domain "$domain" --secret-file "$secret_file" \
        --timeout "$timeout_s" --label "$name" --child-log "$log" -- "${command[@]}" --host 127.0.0.1 \
        --port '{port}' --domain "$domain" --secret-file "$secret_file" 2>/dev/null || true)"
    line="$(grep '^RESULT ' <<<"$line" || echo "RESULT label=$name ok=0 failure=the load source crashed")"
    gui="$(grep -h '^XCM-BENCH-GUI ' "$log" 2>/dev/null | tail -1 | cut -d' ' -f2- || true)"
    echo "round=$round $gui ${line#RESULT }"
}
