#!/usr/bin/env bash
# Prints the home of a JDK 21 or newer, the one the build and the tests need (the classes are built with
# --release 21; the functions run on java21/java25). In order:
#   1. JAVA_HOME, when it holds a JDK 21+;
#   2. the newest JDK 21+ under /usr/lib/jvm (machines of this kind carry a Temurin JDK there);
#   3. openjdk-21-jdk-headless from the distribution's packages, where it has one (Debian 13 does;
#      Debian 12 does not);
# else it says what to install, on stderr, and exits 1. Used by the Makefile, .ci/run and bench/run.sh.
set -euo pipefail

feature() { # the feature release of the JDK at $1 (21, 25, …), or nothing
  [[ -x $1/bin/javac && -x $1/bin/java ]] || return 0
  "$1/bin/java" -XshowSettings:properties -version 2>&1 \
    | sed -n 's/^ *java\.specification\.version = \([0-9]*\).*/\1/p' | head -n 1
}
usable() { local v; v=$(feature "$1"); [[ -n $v && $v -ge 21 ]]; }

if [[ -n ${JAVA_HOME:-} ]] && usable "$JAVA_HOME"; then echo "$JAVA_HOME"; exit 0; fi

newest() {
  local best="" best_v=0 home v
  for home in /usr/lib/jvm/*/; do
    home=${home%/}
    [[ -L $home ]] && continue
    v=$(feature "$home")
    if [[ -n $v && $v -ge 21 && $v -gt $best_v ]]; then best=$home; best_v=$v; fi
  done
  [[ -n $best ]] && echo "$best"
}
if home=$(newest); then echo "$home"; exit 0; fi

if command -v apt-get >/dev/null 2>&1; then
  sudo_cmd=""
  [ "$(id -u)" -eq 0 ] || sudo_cmd="sudo"
  $sudo_cmd apt-get update -qq >&2 || true
  if apt-cache show openjdk-21-jdk-headless >/dev/null 2>&1; then
    echo "installing openjdk-21-jdk-headless from the distribution's packages..." >&2
    DEBIAN_FRONTEND=noninteractive $sudo_cmd apt-get install -y -qq --no-install-recommends \
      openjdk-21-jdk-headless >/dev/null
    if home=$(newest); then echo "$home"; exit 0; fi
  fi
fi

cat >&2 <<'MSG'
This project builds with a JDK 21 or newer, and none was found (JAVA_HOME, /usr/lib/jvm) or installable
from this distribution's packages. Install one, then run make again, e.g.:
  Debian 13 / Ubuntu 24.04:  apt-get install openjdk-21-jdk-headless
  elsewhere:                 a Temurin 21 or 25 JDK (adoptium.net), then export JAVA_HOME=<its folder>
MSG
exit 1
