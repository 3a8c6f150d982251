#!/usr/bin/env bash
# Installs PostgreSQL from the Debian packages when it is missing, starts a cluster bound to
# 127.0.0.1 only, and makes the role the tests use (planner/planner, allowed to create databases).
set -euo pipefail
port="${PLANNER_PG_PORT:-5432}"

if ! command -v pg_ctlcluster >/dev/null 2>&1 || ! ls /usr/lib/postgresql/*/bin/postgres >/dev/null 2>&1; then
  export DEBIAN_FRONTEND=noninteractive
  apt-get update -qq
  apt-get install -y -qq postgresql >/dev/null
fi

version=$(ls /usr/lib/postgresql | sort -V | tail -n 1)
clusters="$(pg_lsclusters -h | awk '{print $1" "$2}')"   # whole, so no SIGPIPE under pipefail
if ! grep -qx -- "$version main" <<<"$clusters"; then
  pg_createcluster "$version" main -p "$port" >/dev/null
fi
conf="/etc/postgresql/$version/main/postgresql.conf"
sed -i "s/^#\?listen_addresses.*/listen_addresses = '127.0.0.1'/" "$conf"
sed -i "s/^#\?port = .*/port = $port/" "$conf"
grep -q '^fsync' "$conf" || echo "fsync = off" >> "$conf"   # a throwaway test cluster
pg_ctlcluster "$version" main start 2>/dev/null || pg_ctlcluster "$version" main restart

for i in $(seq 1 30); do
  pg_isready -h 127.0.0.1 -p "$port" -q && break
  sleep 1
done
pg_isready -h 127.0.0.1 -p "$port"

su postgres -c "psql -p $port -v ON_ERROR_STOP=1 -q" <<SQL
DO \$\$ BEGIN
  IF NOT EXISTS (SELECT FROM pg_roles WHERE rolname = 'planner') THEN
    CREATE ROLE planner LOGIN CREATEDB PASSWORD 'planner';
  END IF;
  -- The migration benchmarks take a checkpoint before each iteration (PostgreSQL 15 and later).
  IF EXISTS (SELECT FROM pg_roles WHERE rolname = 'pg_checkpoint') THEN
    GRANT pg_checkpoint TO planner;
  END IF;
END \$\$;
SQL
echo "postgres: ready on 127.0.0.1:$port"
