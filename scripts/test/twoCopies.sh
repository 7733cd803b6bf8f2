#!/usr/bin/env bash
# Runs `npm test` twice in a row in each of two fresh clones of this repository's committed HEAD, both
# clones at once, and prints each run's result, its test count, its wall time and its CPU time (user +
# sys of npm test and every process it started: jest workers, JVMs, tsc). The first run in each clone is
# its first command (npm ci included); the second finds its caches. Shows that the suite passes, again
# and again, while a second copy of it runs on the same machine.
# Usage: scripts/test/twoCopies.sh [empty or new directory]   (default: a new temporary directory; logs stay there)
set -euo pipefail

repository=$(git rev-parse --show-toplevel)
directory=${1:-$(mktemp -d)}
mkdir -p "$directory"
echo "Two copies of $(git -C "$repository" rev-parse --short HEAD) in $directory (load average: $(cut -d' ' -f1-3 /proc/loadavg 2>/dev/null || echo unknown))"

for copy in a b; do git clone -q "$repository" "$directory/$copy"; done

RUNS=(1 2)
TIMEFORMAT='%R %U %S'
for copy in a b; do
    (
        cd "$directory/$copy"
        set +e
        for run in "${RUNS[@]}"; do
            { time npm test >"$directory/$copy-$run.log" 2>&1; } 2>"$directory/$copy-$run.time"
            echo $? >"$directory/$copy-$run.exit"
        done
    ) &
done
wait

failed=0
for copy in a b; do
    for run in "${RUNS[@]}"; do
        read -r wall user sys <"$directory/$copy-$run.time"
        exit_code=$(cat "$directory/$copy-$run.exit")
        [ "$exit_code" = 0 ] || failed=1
        log="$directory/$copy-$run.log"
        tests=$(grep -E '^Tests:' "$log" | tail -1 || true)
        cpu=$(awk -v user="$user" -v sys="$sys" 'BEGIN { printf "%.1f", user + sys }')
        echo "copy $copy, run $run: exit $exit_code, ${tests:-no jest summary}; wall ${wall} s, CPU ${cpu} s (user ${user} s, sys ${sys} s); log $log"
        grep -E '^== ' "$log" | sed 's/^/    /' || true
    done
done
exit "$failed"
