#!/usr/bin/env bash
# make bench: cold start, warm handler latency, local API load, scrape time and package size, each
# figure beside the limit it is compared with, measured in this one run. Writes bench/RESULTS.md.
# Everything it starts (moto_server, JVMs, Chromium) runs on loopback and is stopped on exit.
# BENCH_RUNS (10) and BENCH_WARMUPS (2) set the cold-start repetitions; BENCH_STAGES (cold warm load archive scrape
# crawler xapi refresh image) picks stages (archive: from a scrape's answer to archived: true, and the image route
# beside the profile route; xapi: X's API's warm scrape beside the crawler's, and one request for 100 accounts against
# 100 single ones; refresh: 2,000 stored accounts (BENCH_REFRESH_ACCOUNTS) refreshed through the crawler and X's API,
# with the AWS cost of a million refreshes, failing the bench when it breaks a limit); BENCH_READ_JAR measures another
# build of the read jar (e.g. an older one, for before/after);
# BENCH_JDK25 is the JDK 25 of the cold stage's information steps and priming comparison (- for none).
# The image stage needs a container engine (make bench provides one); BENCH_IMAGE_RUNS (5) sets its cold
# starts and BENCH_IMAGE_JDKS (e.g. 25) measures the image with other JDKs beside the shipped one.
set -euo pipefail
cd "$(dirname "$0")/.."
# The JDK the build uses (21+), whoever calls this script (make bench sets it already).
JAVA_HOME=$(bash scripts/jdk-home.sh)
export JAVA_HOME PATH="$JAVA_HOME/bin:$PATH"

OUT=${BENCH_OUT:-bench/out}
RESULTS=${BENCH_RESULTS:-bench/RESULTS.md}
RUNS=${BENCH_RUNS:-10}
WARMUPS=${BENCH_WARMUPS:-2}
READ_JAR=${BENCH_READ_JAR:-bootstrap/read-functions/target/read-functions-lambda.jar}
# Which stages to run (all by default); the report covers whatever was measured.
STAGES=" ${BENCH_STAGES:-cold warm load archive scrape crawler xapi refresh image} "
# The measured cold processes see the shipped jar and the few cold-start mains, nothing else.
COLD_CP="$READ_JAR:bench/target/bench-coldstart.jar"
BENCH_CP='bench/target/bench.jar:bench/target/lib/*'
CHROMIUM=${CHROMIUM_BINARY:-/usr/lib/chromium/chromium}
CHROMEDRIVER=${CHROMEDRIVER:-/usr/bin/chromedriver}
ITEM_KEY=bench00
JDK25=${BENCH_JDK25:-}
if [[ -z $JDK25 ]]; then
  JDK25=-
  for home in /usr/lib/jvm/*-25-* /usr/lib/jvm/*-25; do
    if [[ -x $home/bin/java ]]; then JDK25=$home; break; fi
  done
fi

for file in "$READ_JAR" bench/target/bench-coldstart.jar bench/target/bench.jar; do
  [[ -f $file ]] || { echo "missing $file: run make build first" >&2; exit 1; }
done
# Options from the environment would apply to one side's JVMs and not be visible in the report.
unset JAVA_TOOL_OPTIONS _JAVA_OPTIONS JDK_JAVA_OPTIONS

rm -rf "$OUT"
mkdir -p "$OUT"
started=$(date +%s)

# The project's one moto launcher (MotoServer): it prints the endpoint once moto listens, and stops moto
# when its input ends, which is when this script ends, however it ends.
coproc MOTO { exec java -cp "$BENCH_CP" com.profilepictures.moto.MotoServer "$OUT/moto.log"; }
cleanup() {
  if [[ -n ${MOTO_PID:-} ]]; then
    kill -TERM "$MOTO_PID" 2>/dev/null || true
    wait "$MOTO_PID" 2>/dev/null || true
  fi
}
trap cleanup EXIT
if ! read -r -t 120 -u "${MOTO[0]}" endpoint; then
  echo "moto_server did not start; see $OUT/moto.log" >&2; exit 1
fi

# What a Lambda sandbox has: its table, region and credentials in the environment (the functions then
# read credentials directly, without the provider chain), here pointed at moto on loopback.
export TABLE_NAME=bench-pictures AWS_REGION=us-east-1 DYNAMODB_ENDPOINT="$endpoint"
export AWS_LAMBDA_FUNCTION_NAME=bench AWS_ACCESS_KEY_ID=bench AWS_SECRET_ACCESS_KEY=bench AWS_SESSION_TOKEN=bench

echo "== seed: table $TABLE_NAME on $DYNAMODB_ENDPOINT"
java -cp "$BENCH_CP" com.profilepictures.bench.Seed 30

if [[ $STAGES == *" cold "* ]]; then
echo "== cold start ($RUNS runs per side after $WARMUPS warm-up runs, per step)"
# The ladder runs on the functions' runtime JDK (java25) when there is one here, else on the build's.
LADDER_JAVA=java
[[ $JDK25 != - ]] && LADDER_JAVA=$JDK25/bin/java
"$LADDER_JAVA" -cp "$BENCH_CP" com.profilepictures.bench.ColdStartRunner "$COLD_CP" bench/events "$ITEM_KEY" "$OUT" "$RUNS" "$WARMUPS" "$JDK25"
fi

if [[ $STAGES == *" warm "* ]]; then
echo "== warm handler latency (JMH; each handler and its raw call measured side by side in one group)"
java -cp "$BENCH_CP" com.profilepictures.bench.WarmRunner "$OUT/results.tsv" bench/events "$ITEM_KEY" | tee "$OUT/jmh.log" | sed -n "/^Benchmark /,\$p"
fi

if [[ $STAGES == *" load "* ]]; then
echo "== local API under load"
java -cp "$BENCH_CP" com.profilepictures.bench.LocalApiLoad template.yaml /user/Bench00/profile_pic 8 3 10 "$OUT/results.tsv"
fi

if [[ $STAGES == *" archive "* ]]; then
echo "== archive (scrape answer to archived: true; the image route's warm latency beside the profile route's)"
java -cp "$BENCH_CP" com.profilepictures.bench.ArchiveBench template.yaml "$OUT/results.tsv" 10 300
fi

if [[ $STAGES == *" scrape "* ]]; then
echo "== scrape"
java -cp "$BENCH_CP" com.profilepictures.bench.ScrapeBench "$OUT/results.tsv" "$CHROMIUM" "$CHROMEDRIVER" 10 4 30
fi

if [[ $STAGES == *" crawler "* ]]; then
echo "== crawler against browser (warm time, CPU and memory per scrape, first scrape against a read cold start)"
java -cp "$BENCH_CP" com.profilepictures.bench.CrawlerBench "$OUT/results.tsv" "$CHROMIUM" "$CHROMEDRIVER" 10 6 \
  "bootstrap/scrape-function/target/scrape-function.jar:bootstrap/scrape-function/target/lib/*:bench/target/bench-coldstart.jar" \
  "$COLD_CP" bench/events
fi

if [[ $STAGES == *" xapi "* ]]; then
echo "== X's API against the crawler (warm scrape; one request for 100 accounts against 100 single requests)"
java -cp "$BENCH_CP" com.profilepictures.bench.XApiBench "$OUT/results.tsv" 30 5
fi

refresh_broken=
if [[ $STAGES == *" refresh "* ]]; then
echo "== refresh (2,000 stored accounts, a tenth changed, through the crawler and through X's API; AWS cost a million)"
java -cp "$BENCH_CP" com.profilepictures.bench.RefreshBench "$OUT/results.tsv" "${BENCH_REFRESH_ACCOUNTS:-2000}" 10 \
  || refresh_broken=1
fi

if [[ $STAGES == *" image "* ]]; then
echo "== scrape image (cold start and warm invocation through a Lambda Runtime API)"
# shellcheck disable=SC2086 # one JDK version per word
java -cp "$BENCH_CP" com.profilepictures.bench.ImageBench "$OUT/results.tsv" "${BENCH_IMAGE_RUNS:-5}" 3 ${BENCH_IMAGE_JDKS:-}
fi

echo "== report"
java -cp "$BENCH_CP" com.profilepictures.bench.Report "$OUT/results.tsv" "$READ_JAR" "$RESULTS" "$RUNS" "$WARMUPS"
echo "make bench took $(( $(date +%s) - started )) s"
if [[ -n $refresh_broken ]]; then
  echo "the refresh stage broke a limit (above, and in $RESULTS)" >&2
  exit 1
fi
