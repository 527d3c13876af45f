#!/usr/bin/env bash
# Installs and starts the real services the tests use (see /work/shared/STACK.md):
#   - PostgreSQL (newest installed major version), listening on 127.0.0.1:5432,
#     user postgres / password postgres;
#   - Chromium (/usr/bin/chromium) for the Playwright browser tests, and a Chinese font (fonts-wqy-microhei)
#     so that the screenshots show the pages as their users read them, not as boxes;
#   - python3-aiosmtpd (SMTP sink, runs under /usr/bin/python3).
# Must run as root (Debian). Idempotent: safe to re-run; about 2 s when all is present.
set -euo pipefail

export DEBIAN_FRONTEND=noninteractive
packages=(postgresql chromium python3-aiosmtpd fonts-wqy-microhei)

if [[ $(id -u) -ne 0 ]]; then
  echo "install-test-services: must run as root (apt-get, pg_ctlcluster)" >&2
  exit 1
fi

is_installed() {
  dpkg-query -W -f='${Status}' "$1" 2>/dev/null | grep -q 'install ok installed'
}

missing=()
for p in "${packages[@]}"; do
  is_installed "$p" || missing+=("$p")
done

if ((${#missing[@]})); then
  echo "install-test-services: installing ${missing[*]}"
  apt-get update -qq
  apt-get install -y -qq "${packages[@]}" >/dev/null
fi

# Newest PostgreSQL major version installed (e.g. 15).
ver=$(ls /usr/lib/postgresql | sort -n | tail -1)
if ! pg_lsclusters -h | awk '{print $1, $2}' | grep -qx "$ver main"; then
  pg_createcluster "$ver" main >/dev/null
fi
if ! pg_lsclusters -h | awk '{print $1, $2, $4}' | grep -qx "$ver main online"; then
  pg_ctlcluster "$ver" main start || true   # a failure is reported by the readiness check below
fi

# Wait (at most 60 s) until the server accepts connections.
for _ in $(seq 1 120); do
  pg_isready -q -h 127.0.0.1 -p 5432 && break
  sleep 0.5
done
if ! pg_isready -q -h 127.0.0.1 -p 5432; then
  echo "install-test-services: PostgreSQL $ver did not become ready on 127.0.0.1:5432" >&2
  tail -n 20 "/var/log/postgresql/postgresql-$ver-main.log" >&2 || true
  exit 1
fi

(cd / && runuser -u postgres -- psql -qc "ALTER USER postgres PASSWORD 'postgres';")

echo "install-test-services: PostgreSQL $ver ready on 127.0.0.1:5432 (postgres/postgres); chromium $(/usr/bin/chromium --version 2>/dev/null | awk '{print $2}') at /usr/bin/chromium; aiosmtpd present"
