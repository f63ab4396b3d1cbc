# Sourced by scripts/demo and scripts/test: installs what the build needs on a Debian machine,
# each thing only if it is missing, then prepares a virtual environment with cmake and ninja.
# Debian packages: a C++ compiler, Python with venv and headers, Eigen, nlohmann_json, Boost.Test,
# libxml2, libzip (its CMake package names the zipcmp, zipmerge and ziptool programs, so they come
# too); and whatever DISCLOSURE_EXTRA_APT names (scripts/test: clang and its libFuzzer runtime).
set -euo pipefail

need_apt=()
command -v g++ >/dev/null 2>&1 || need_apt+=(g++)
if ! command -v python3 >/dev/null 2>&1 ||
   ! python3 -c 'import venv, ensurepip, sysconfig, os, sys; sys.exit(not os.path.exists(os.path.join(sysconfig.get_paths()["include"], "Python.h")))' 2>/dev/null; then
  need_apt+=(python3 python3-venv python3-dev)
fi
for pkg in libeigen3-dev nlohmann-json3-dev libboost-test-dev libxml2-dev libzip-dev zipcmp zipmerge ziptool ${DISCLOSURE_EXTRA_APT:-}; do
  dpkg-query -W -f='${Status}' "$pkg" 2>/dev/null | grep -q "install ok installed" || need_apt+=("$pkg")
done
if [ ${#need_apt[@]} -gt 0 ]; then
  echo "== installing Debian packages: ${need_apt[*]}"
  sudo=""
  [ "$(id -u)" -eq 0 ] || sudo="sudo"
  $sudo apt-get update -q
  DEBIAN_FRONTEND=noninteractive $sudo apt-get install -y -q --no-install-recommends "${need_apt[@]}"
fi

# make_venv DIR: a new virtual environment at DIR with the build tools from PyPI.
make_venv() {
  local dir=$1
  rm -rf "$dir"
  python3 -m venv "$dir"
  "$dir/bin/python" -m pip install -q --upgrade pip
  "$dir/bin/python" -m pip install -q "cmake>=3.21" ninja
}
