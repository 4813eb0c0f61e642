#!/usr/bin/env bash
# make bench: cold start, warm handler latency, local API load, scrape time and package size, each
# figure beside the limit it is compared with, measured in this one run. Writes bench/RESULTS.md.
# Everything it starts (moto_server, JVMs, Chromium) runs on loopback and is stopped on exit.
# BENCH_RUNS (10) and BENCH_WARMUPS (2) set the cold-start repetitions; BENCH_STAGES (cold warm load scrape image)
# picks stages; BENCH_READ_JAR measures another build of the read jar (e.g. an older one, for before/after).
# The image stage needs a container engine (make bench provides one); BENCH_IMAGE_RUNS (5) sets its cold
# starts and BENCH_IMAGE_JDKS (e.g. 25) measures the image with other JDKs beside the shipped one.
set -euo pipefail
cd "$(dirname "$0")/.."

OUT=${BENCH_OUT:-bench/out}
RESULTS=${BENCH_RESULTS:-bench/RESULTS.md}
RUNS=${BENCH_RUNS:-10}
WARMUPS=${BENCH_WARMUPS:-2}
READ_JAR=${BENCH_READ_JAR:-bootstrap/read-functions/target/read-functions-lambda.jar}
# Which stages to run (all by default); the report covers whatever was measured.
STAGES=" ${BENCH_STAGES:-cold warm load scrape image} "
# The measured cold processes see the shipped jar and the few cold-start mains, nothing else.
COLD_CP="$READ_JAR:bench/target/bench-coldstart.jar"
BENCH_CP='bench/target/bench.jar:bench/target/lib/*'
CHROMIUM=${CHROMIUM_BINARY:-/usr/lib/chromium/chromium}
CHROMEDRIVER=${CHROMEDRIVER:-/usr/bin/chromedriver}
ITEM_KEY=bench00

for file in "$READ_JAR" bench/target/bench-coldstart.jar bench/target/bench.jar; do
  [[ -f $file ]] || { echo "missing $file: run make build first" >&2; exit 1; }
done
# Options from the environment would apply to one side's JVMs and not be visible in the report.
unset JAVA_TOOL_OPTIONS _JAVA_OPTIONS JDK_JAVA_OPTIONS

rm -rf "$OUT"
mkdir -p "$OUT"
started=$(date +%s)

MOTO_PID=
cleanup() {
  if [[ -n $MOTO_PID ]] && kill -0 "$MOTO_PID" 2>/dev/null; then
    # Its own process group (setsid), so that a launcher shim and the server both go.
    kill -TERM -- "-$MOTO_PID" 2>/dev/null || true
    wait "$MOTO_PID" 2>/dev/null || true
  fi
}
trap cleanup EXIT

port=$(python3 -c 'import socket; s = socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1]); s.close()')
setsid moto_server -H 127.0.0.1 -p "$port" >"$OUT/moto.log" 2>&1 &
MOTO_PID=$!
for ((attempt = 0; ; attempt++)); do
  if curl -s -o /dev/null --max-time 1 "http://127.0.0.1:$port/"; then break; fi
  if ! kill -0 "$MOTO_PID" 2>/dev/null || ((attempt >= 600)); then
    echo "moto_server did not answer on port $port" >&2; cat "$OUT/moto.log" >&2; exit 1
  fi
  sleep 0.1
done

# What a Lambda sandbox has: its table, region and credentials in the environment (the functions then
# read credentials directly, without the provider chain), here pointed at moto on loopback.
export TABLE_NAME=bench-pictures AWS_REGION=us-east-1 DYNAMODB_ENDPOINT="http://127.0.0.1:$port"
export AWS_LAMBDA_FUNCTION_NAME=bench AWS_ACCESS_KEY_ID=bench AWS_SECRET_ACCESS_KEY=bench AWS_SESSION_TOKEN=bench

echo "== seed: table $TABLE_NAME on $DYNAMODB_ENDPOINT"
java -cp "$BENCH_CP" com.profilepictures.bench.Seed 30

if [[ $STAGES == *" cold "* ]]; then
echo "== cold start ($RUNS runs per side after $WARMUPS warm-up runs, per step)"
java -cp "$BENCH_CP" com.profilepictures.bench.ColdStartRunner "$COLD_CP" bench/events "$ITEM_KEY" "$OUT" "$RUNS" "$WARMUPS"
fi

if [[ $STAGES == *" warm "* ]]; then
echo "== warm handler latency (JMH; each handler and its raw call measured side by side in one group)"
java -cp "$BENCH_CP" com.profilepictures.bench.WarmRunner "$OUT/results.tsv" bench/events "$ITEM_KEY" | tee "$OUT/jmh.log" | sed -n "/^Benchmark /,\$p"
fi

if [[ $STAGES == *" load "* ]]; then
echo "== local API under load"
java -cp "$BENCH_CP" com.profilepictures.bench.LocalApiLoad template.yaml /user/Bench00/profile_pic 8 3 10 "$OUT/results.tsv"
fi

if [[ $STAGES == *" scrape "* ]]; then
echo "== scrape"
java -cp "$BENCH_CP" com.profilepictures.bench.ScrapeBench "$OUT/results.tsv" "$CHROMIUM" "$CHROMEDRIVER" 10 4 30
fi

if [[ $STAGES == *" image "* ]]; then
echo "== scrape image (cold start and warm invocation through a Lambda Runtime API)"
# shellcheck disable=SC2086 # one JDK version per word
java -cp "$BENCH_CP" com.profilepictures.bench.ImageBench "$OUT/results.tsv" "${BENCH_IMAGE_RUNS:-5}" 3 ${BENCH_IMAGE_JDKS:-}
fi

echo "== report"
java -cp "$BENCH_CP" com.profilepictures.bench.Report "$OUT/results.tsv" "$READ_JAR" "$RESULTS" "$RUNS" "$WARMUPS"
echo "make bench took $(( $(date +%s) - started )) s"
