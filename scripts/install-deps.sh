#!/usr/bin/env bash
# Installs what make run / make test need and a fresh machine may lack. Idempotent and quiet when
# everything is there. Chromium and chromedriver come from Debian's packages, at matching versions;
# nothing downloads a browser of its own.
set -euo pipefail

need_apt=()
[ -x /usr/bin/chromedriver ] || need_apt+=(chromium-driver)
[ -x /usr/lib/chromium/chromium ] || command -v chromium >/dev/null 2>&1 || need_apt+=(chromium)
if [ ${#need_apt[@]} -gt 0 ]; then
  echo "installing ${need_apt[*]} from Debian's packages..."
  sudo_cmd=""
  [ "$(id -u)" -eq 0 ] || sudo_cmd="sudo"
  $sudo_cmd apt-get update -qq
  DEBIAN_FRONTEND=noninteractive $sudo_cmd apt-get install -y -qq --no-install-recommends chromium chromium-driver >/dev/null
fi

pip_install() {
  if command -v pip3 >/dev/null 2>&1; then pip3 install -q "$@"; else python3 -m pip install -q "$@"; fi
  hash -r
}
# The tests start moto through python3 (see moto-server's MotoServer), so moto must import there.
python3 -c 'import moto.server, moto.moto_server.werkzeug_app' >/dev/null 2>&1 || { echo "installing moto[server] from PyPI..."; python3 -m pip install -q 'moto[server]==5.2.1'; hash -r; }
command -v cfn-lint >/dev/null 2>&1 || { echo "installing cfn-lint from PyPI..."; pip_install cfn-lint; }
# A JDK 21+: found or installed by jdk-home.sh, which says what to install when it can do neither.
bash "$(dirname "$0")/jdk-home.sh" >/dev/null
exit 0
