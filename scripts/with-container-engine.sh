#!/usr/bin/env bash
# Runs a command (make test's ./mvnw verify, make bench's bench/run.sh) with a container engine's Docker API
# in DOCKER_HOST, so that Testcontainers can build and run the scrape function's image:
#   - the engine: Docker where a daemon answers; otherwise Podman, installed from Debian's packages and
#     configured by scripts/containers.conf (through CONTAINERS_CONF; nothing under /etc is edited);
#   - the Dockerfile's base image: used if present, else pulled, else (no registry answers) built from
#     Debian's own packages with debootstrap and imported under the name the engine resolves the FROM
#     line to, so that the Dockerfile stays the one that deploys;
#   - Podman's API socket: started for the command and stopped when it ends, with every container the
#     command left behind, so that nothing is left running.
# Usage: scripts/with-container-engine.sh COMMAND [ARGUMENT...]
set -euo pipefail
root=$(cd "$(dirname "$0")/.." && pwd)
dockerfile="$root/bootstrap/scrape-function/Dockerfile"
# Containers that the tests and the bench start carry this label; whatever is left of them is removed below.
export PROFILE_PICTURES_RUN="run-$$-$(date +%s)"

say() { echo "[container engine] $*" >&2; }
sudo_cmd=""
[ "$(id -u)" -eq 0 ] || sudo_cmd="sudo"
apt_install() {
  say "installing $* from Debian's packages..."
  $sudo_cmd apt-get update -qq
  DEBIAN_FRONTEND=noninteractive $sudo_cmd apt-get install -y -qq "$@" >/dev/null
}

# --- the engine -----------------------------------------------------------------------------------------
if command -v docker >/dev/null 2>&1 && timeout 20 docker info >/dev/null 2>&1; then
  engine=docker
else
  engine=podman
  # runc: see containers.conf.
  command -v podman >/dev/null 2>&1 && command -v runc >/dev/null 2>&1 || apt_install podman runc
  export CONTAINERS_CONF="$root/scripts/containers.conf"
fi

# --- what is started is stopped -------------------------------------------------------------------
service_pid=""
run_dir=""
base_work=""
cleanup() {
  local leftovers
  leftovers=$("$engine" ps -aq --filter "label=profile-pictures.run=$PROFILE_PICTURES_RUN" 2>/dev/null || true)
  if [[ -n $leftovers ]]; then
    say "removing containers the run left: $(echo "$leftovers" | tr '\n' ' ')"
    # shellcheck disable=SC2086 # one id per word
    "$engine" rm -f $leftovers >/dev/null 2>&1 || true
  fi
  if [[ -n $service_pid ]] && kill -0 "$service_pid" 2>/dev/null; then
    kill -TERM "$service_pid" 2>/dev/null || true
    wait "$service_pid" 2>/dev/null || true
  fi
  [[ -z $run_dir ]] || rm -rf "$run_dir"
  [[ -z $base_work ]] || $sudo_cmd rm -rf "$base_work"
}
trap cleanup EXIT
trap 'exit 130' INT
trap 'exit 143' TERM

# --- the base image ---------------------------------------------------------------------------------------
from=$(awk 'toupper($1) == "FROM" { for (i = 2; i <= NF; i++) if ($i !~ /^--/) { print $i; exit } }' "$dockerfile")
[[ -n $from ]] || { say "no FROM line in $dockerfile"; exit 1; }
# The reference as the engine stores it (Docker's normalisation, which Podman's Docker API applies too):
# debian:trixie-slim is docker.io/library/debian:trixie-slim.
qualified() {
  local name=$1 first=${1%%/*}
  if [[ $name != */* ]]; then echo "docker.io/library/$name"
  elif [[ $first == *.* || $first == *:* || $first == localhost ]]; then echo "$name"
  else echo "docker.io/$name"; fi
}
base=$(qualified "$from")

# The first URI of apt's own Debian sources whose path ends in /$1 (debian or debian-security).
apt_uri() {
  local found
  found=$({ cat /etc/apt/sources.list /etc/apt/sources.list.d/*.list 2>/dev/null | awk '$1 == "deb" { for (i = 2; i <= NF; i++) if ($i ~ /^[a-z]+:\/\//) { print $i; break } }'
            cat /etc/apt/sources.list.d/*.sources 2>/dev/null | awk '$1 == "URIs:" { for (i = 2; i <= NF; i++) print $i }'
          } | grep -E "/$1/?\$" | head -n1 | sed 's:/*$::') || true
  echo "${found:-$2}"
}

# The registry's image is a debootstrap of a Debian suite, trimmed ("slim") the way its build trims it;
# this makes the same suite from Debian's packages, with the same apt sources and the same trimming.
bootstrap_base() {
  local repository=${from%:*} tag=${from##*:}
  [[ ${repository##*/} == debian && $tag != "$from" ]] || { say "cannot build $from without a registry: only debian:<suite>[-slim] can be"; exit 1; }
  local suite=${tag%-slim}
  command -v debootstrap >/dev/null 2>&1 || apt_install debootstrap
  local mirror security work
  mirror=$(apt_uri debian http://deb.debian.org/debian)
  security=$(apt_uri debian-security http://deb.debian.org/debian-security)
  work=$(mktemp -d /var/tmp/profile-pictures-base.XXXXXX)
  base_work=$work
  say "no registry answers for $from: building it from Debian's packages (debootstrap --variant=minbase $suite $mirror)..."
  if ! $sudo_cmd debootstrap --variant=minbase "$suite" "$work/rootfs" "$mirror" >"$work/debootstrap.log" 2>&1; then
    tail -20 "$work/debootstrap.log" >&2; say "debootstrap failed"; exit 1
  fi
  $sudo_cmd bash -eu -c '
    rootfs=$1 suite=$2 mirror=$3 security=$4
    rm -f "$rootfs/etc/apt/sources.list"
    cat >"$rootfs/etc/apt/sources.list.d/debian.sources" <<EOF
Types: deb
URIs: $mirror
Suites: $suite $suite-updates
Components: main
Signed-By: /usr/share/keyrings/debian-archive-keyring.gpg

Types: deb
URIs: $security
Suites: $suite-security
Components: main
Signed-By: /usr/share/keyrings/debian-archive-keyring.gpg
EOF
    # What the slim images leave out: documentation, manuals and translations.
    cat >"$rootfs/etc/dpkg/dpkg.cfg.d/docker" <<EOF
path-exclude /usr/share/doc/*
path-include /usr/share/doc/*/copyright
path-exclude /usr/share/man/*
path-exclude /usr/share/groff/*
path-exclude /usr/share/info/*
path-exclude /usr/share/lintian/*
path-exclude /usr/share/linda/*
path-exclude /usr/share/locale/*
path-include /usr/share/locale/locale.alias
EOF
    echo "Acquire::Languages \"none\";" >"$rootfs/etc/apt/apt.conf.d/docker-no-languages"
    find "$rootfs/usr/share/doc" -mindepth 1 -not -name copyright -not -type d -delete
    find "$rootfs/usr/share/locale" -mindepth 1 -maxdepth 1 -not -name locale.alias -exec rm -rf {} +
    rm -rf "$rootfs"/usr/share/man/* "$rootfs"/usr/share/info/* "$rootfs"/usr/share/groff/* "$rootfs"/usr/share/lintian/*
    # Nothing of this machine or of the download: the engine provides hostname and resolv.conf at run time.
    rm -rf "$rootfs"/var/cache/apt/archives/*.deb "$rootfs"/var/lib/apt/lists/* "$rootfs"/var/log/*.log
    : >"$rootfs/etc/hostname"; : >"$rootfs/etc/resolv.conf"
  ' bash "$work/rootfs" "$suite" "$mirror" "$security"
  $sudo_cmd tar --numeric-owner -C "$work/rootfs" -cf - . | "$engine" import --change 'CMD ["bash"]' - "$base" >/dev/null
  $sudo_cmd rm -rf "$work"
  base_work=""
  say "imported $base (a debootstrap of Debian $suite, not the registry's image byte for byte)"
}

registry_answered=unknown
# One base at a time when two runs start together.
exec 9>"/var/tmp/profile-pictures-base-$(id -u).lock"
flock 9
if "$engine" image inspect "$base" >/dev/null 2>&1; then
  :
elif timeout 300 "$engine" pull -q "$base" >/dev/null 2>&1; then
  registry_answered=yes
  say "pulled $base"
else
  registry_answered=no
  bootstrap_base
fi
flock -u 9

# --- the API that Testcontainers talks to -----------------------------------------------------------------

if [[ $engine == podman ]]; then
  run_dir=$(mktemp -d /tmp/profile-pictures-podman.XXXXXX)
  socket="$run_dir/podman.sock"
  # --time=0: serve until stopped here, however long a test waits between requests.
  podman system service --time=0 "unix://$socket" >"$run_dir/service.log" 2>&1 &
  service_pid=$!
  for ((attempt = 0; ; attempt++)); do
    if curl -s -o /dev/null --max-time 2 --unix-socket "$socket" http://podman/_ping; then break; fi
    if ! kill -0 "$service_pid" 2>/dev/null || ((attempt >= 300)); then
      say "podman's API did not answer on $socket"; cat "$run_dir/service.log" >&2; exit 1
    fi
    sleep 0.1
  done
  export DOCKER_HOST="unix://$socket"
  # Ryuk, Testcontainers' reaper, is an image from a registry and wants the engine's socket mounted; the
  # cleanup above does its job (the tests also stop their own containers).
  export TESTCONTAINERS_RYUK_DISABLED=true
elif [[ $registry_answered == no ]]; then
  export TESTCONTAINERS_RYUK_DISABLED=true
fi

"$@"
