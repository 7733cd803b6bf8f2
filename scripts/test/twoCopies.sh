#!/usr/bin/env bash
# Runs `npm test` as the first command in two fresh clones of this repository's committed HEAD, both at
# once, and prints each copy's result, its test count, its wall time and its CPU time (user + sys of
# npm test and every process it started: jest workers, JVMs, tsc). Shows that the suite passes while a
# second copy of it runs on the same machine. Each clone installs its dependencies (npm ci) first.
# Usage: scripts/test/twoCopies.sh [empty or new directory]   (default: a new temporary directory; logs stay there)
set -euo pipefail

repository=$(git rev-parse --show-toplevel)
directory=${1:-$(mktemp -d)}
mkdir -p "$directory"
echo "Two copies of $(git -C "$repository" rev-parse --short HEAD) in $directory (load average: $(cut -d' ' -f1-3 /proc/loadavg 2>/dev/null || echo unknown))"

for copy in a b; do git clone -q "$repository" "$directory/$copy"; done

TIMEFORMAT='%R %U %S'
for copy in a b; do
    (
        cd "$directory/$copy"
        set +e
        { time npm test >"$directory/$copy.log" 2>&1; } 2>"$directory/$copy.time"
        echo $? >"$directory/$copy.exit"
    ) &
done
wait

failed=0
for copy in a b; do
    read -r wall user sys <"$directory/$copy.time"
    exit_code=$(cat "$directory/$copy.exit")
    [ "$exit_code" = 0 ] || failed=1
    tests=$(grep -E '^Tests:' "$directory/$copy.log" | tail -1 || true)
    cpu=$(awk -v user="$user" -v sys="$sys" 'BEGIN { printf "%.1f", user + sys }')
    echo "copy $copy: exit $exit_code, ${tests:-no jest summary}; wall ${wall} s, CPU ${cpu} s (user ${user} s, sys ${sys} s); log $directory/$copy.log"
    grep -E '^== ' "$directory/$copy.log" | sed 's/^/    /' || true
done
exit "$failed"
