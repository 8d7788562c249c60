#!/usr/bin/env bash
# The end-to-end tests drive Debian's Chromium through playwright-core (no browser
# download is possible here). Install it when missing, so `npm test` runs everything on a
# fresh machine.
set -euo pipefail
if [ -n "${PERFCHECK_CHROMIUM:-}" ] && [ -x "$PERFCHECK_CHROMIUM" ]; then exit 0; fi
if command -v chromium >/dev/null 2>&1; then exit 0; fi
if [ "$(id -u)" = "0" ] && command -v apt-get >/dev/null 2>&1; then
  echo "安装端到端测试所需的 Chromium（apt-get install chromium）…" >&2
  apt-get update -qq >/dev/null
  DEBIAN_FRONTEND=noninteractive apt-get install -y -qq chromium >/dev/null
  exit 0
fi
echo "缺少 Chromium：请安装 Debian 的 chromium 软件包，或用 PERFCHECK_CHROMIUM 指定浏览器路径。" >&2
exit 1
