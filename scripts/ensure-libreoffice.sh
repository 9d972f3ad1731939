#!/usr/bin/env bash
# Makes sure LibreOffice Calc (soffice) is installed: the export tests open the exported
# workbooks in a real spreadsheet program. Installs it as root when missing, otherwise
# says exactly what to do.
set -euo pipefail
if command -v soffice >/dev/null 2>&1; then
  exit 0
fi
if [ "$(id -u)" = "0" ] && command -v apt-get >/dev/null 2>&1; then
  echo "soffice not found: installing Debian's libreoffice-calc package" >&2
  apt-get update -qq -o DPkg::Lock::Timeout=600
  DEBIAN_FRONTEND=noninteractive apt-get install -y -qq -o DPkg::Lock::Timeout=600 \
    --no-install-recommends libreoffice-calc >/dev/null
  exit 0
fi
echo "soffice (LibreOffice Calc) is missing. Install it with: sudo apt-get install -y libreoffice-calc" >&2
exit 1
