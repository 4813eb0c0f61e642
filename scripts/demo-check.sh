#!/usr/bin/env bash
# The README's demo, tried as a newcomer tries it: on a fresh clone of this repository, `make demo-site` in
# one terminal and the README's `make run` line in another, started together, then a scrape through the
# API, and its archiving. Both commands are read from README.md itself, so the check is of the README as
# written (as committed: the clone has no uncommitted change); only the ports are moved to free ones (PORT, DEMO_PORT and the demo site's URL), so that a `make run` of your own
# does not get in the way. Run by `make test`; 1½ to 2½ minutes on 2 cores, almost all of it the fresh
# clone's first build. Uses the Maven repository given in MAVEN_ARGS, or ~/.m2, so nothing is downloaded
# that the main build did not already fetch.
set -euo pipefail
repo="$(cd "$(dirname "$0")/.." && pwd)"
readme="$repo/README.md"

site_line="$(grep -m1 -E '^make demo-site' "$readme" | sed 's/#.*//')"
run_line="$(grep -m1 -E '^X_BASE_URL=.*make run' "$readme" | sed 's/#.*//')"
if [ -z "$site_line" ] || [ -z "$run_line" ]; then
  echo "demo-check: README.md has no 'make demo-site' or 'X_BASE_URL=... make run' line" >&2
  exit 1
fi

free_port() { python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1",0)); print(s.getsockname()[1]); s.close()'; }
demo_port="$(free_port)"
api_port="$(free_port)"
run_line="${run_line//8081/$demo_port}"

work="$(mktemp -d)"
pids=()
# Whether any process of group $1 still runs (a zombie has ended, though kill -0 still finds it).
group_runs() { ps -o stat= -g "$1" 2>/dev/null | grep -qv '^Z'; }
cleanup() {
  # Ctrl-C, as a person stops them; then whatever is left of their process groups.
  for pid in "${pids[@]}"; do kill -INT -- "-$pid" 2>/dev/null || true; done
  for pid in "${pids[@]}"; do
    for _ in $(seq 1 150); do group_runs "$pid" || break; sleep 0.2; done
    if group_runs "$pid"; then
      echo "demo-check: still running 30 s after Ctrl-C, killed: $(ps -o pid=,args= -g "$pid" | tr '\n' ';')" >&2
      kill -KILL -- "-$pid" 2>/dev/null || true
    fi
    wait "$pid" 2>/dev/null || true
  done
  rm -rf "$work"
}
trap cleanup EXIT

# A fresh clone of what is committed here: no target/ folders, no .local/.
git clone -q --no-hardlinks "$repo" "$work/clone"
cd "$work/clone"

started=$(date +%s)
# Each in its own process group, as in a terminal of its own, started together. Job control (set -m) does
# that and, unlike setsid from a script, leaves Ctrl-C's signal handled rather than ignored.
set -m
bash -c "DEMO_PORT=$demo_port $site_line" >"$work/demo-site.log" 2>&1 &
pids+=($!)
bash -c "PORT=$api_port $run_line" >"$work/run.log" 2>&1 &
pids+=($!)
set +m

api="http://127.0.0.1:$api_port"
deadline=$((started + 600))
until grep -q "ready on" "$work/run.log"; do
  if [ "$(date +%s)" -gt "$deadline" ] || ! kill -0 "${pids[1]}" 2>/dev/null; then
    echo "demo-check: make run was not ready:" >&2; tail -n 40 "$work/run.log" >&2
    echo "--- make demo-site:" >&2; tail -n 40 "$work/demo-site.log" >&2
    exit 1
  fi
  sleep 1
done
until curl -s -o /dev/null "http://127.0.0.1:$demo_port/"; do
  if [ "$(date +%s)" -gt "$deadline" ] || ! kill -0 "${pids[0]}" 2>/dev/null; then
    echo "demo-check: make demo-site did not serve:" >&2; tail -n 40 "$work/demo-site.log" >&2
    exit 1
  fi
  sleep 1
done

answer="$(curl -s -X POST "$api/scrape" -H 'Content-Type: application/json' -d '{"handle": "jack"}')"
case "$answer" in
  *'"handle":"Jack"'*'"profileUrl":"https://pbs.twimg.com/profile_images/'*) ;;
  *) echo "demo-check: the README's first scrape answered: $answer" >&2
     echo "--- make run:" >&2; tail -n 40 "$work/run.log" >&2
     echo "--- make demo-site:" >&2; tail -n 40 "$work/demo-site.log" >&2
     exit 1 ;;
esac
# And archiving, which X_IMAGE_BASE_URL points at the demo site: the README's "within a second or so".
archive_deadline=$(( $(date +%s) + 60 ))
until curl -s "$api/user/jack/profile_pic" | grep -q '"archived":true'; do
  if [ "$(date +%s)" -gt "$archive_deadline" ]; then
    echo "demo-check: jack's picture was not archived within 60 s: $(curl -s "$api/user/jack/profile_pic")" >&2
    echo "--- make run:" >&2; tail -n 40 "$work/run.log" >&2
    exit 1
  fi
  sleep 0.5
done
echo "demo-check: the README's demo works on a fresh clone, both started together ($(( $(date +%s) - started )) s)"
