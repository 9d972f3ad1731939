#!/usr/bin/env bash
# Makes sure Debian's InfluxDB 1.x server (influxd) is installed: installs it as root
# when missing, otherwise says exactly what to do.
set -euo pipefail
if command -v influxd >/dev/null 2>&1; then
  echo "influxd: $(command -v influxd)"
  exit 0
fi
if [ "$(id -u)" = "0" ] && command -v apt-get >/dev/null 2>&1; then
  echo "influxd not found: installing Debian's influxdb package" >&2
  apt-get update -qq -o DPkg::Lock::Timeout=600
  DEBIAN_FRONTEND=noninteractive apt-get install -y -qq -o DPkg::Lock::Timeout=600 influxdb >/dev/null
  # The package starts a system service on some machines; ours runs its own instances.
  (systemctl disable --now influxdb >/dev/null 2>&1 || true)
  exit 0
fi
echo "influxd (InfluxDB 1.x) is missing. Install it with: sudo apt-get install -y influxdb" >&2
echo "or point INFLUX_URL / TEST_INFLUX_URL at a running InfluxDB." >&2
exit 1
