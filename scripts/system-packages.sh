#!/usr/bin/env bash
# Make sure the Debian packages the project needs are installed.
#   scripts/system-packages.sh run    what `make run` needs (to build mysqlclient)
#   scripts/system-packages.sh test   plus what the test suite needs
# As root on Debian it installs what is missing; otherwise it names the missing
# packages and exits 1, so nothing fails later with a confusing error.
set -euo pipefail

# tesseract: OCR of resume images (English and Simplified Chinese); ffmpeg: decoding the
# audio speech-to-text receives; espeak-ng: speech the speech tests synthesise; pango and
# the CJK fonts: WeasyPrint's feedback report PDFs (Chinese included).
RUN_PACKAGES=(gcc pkg-config default-libmysqlclient-dev tesseract-ocr tesseract-ocr-eng tesseract-ocr-chi-sim ffmpeg espeak-ng libpango-1.0-0 libpangoft2-1.0-0 fonts-noto-cjk)
# gettext: compiling translations; chromium: browser tests and screenshots (the CJK fonts
# come with the run packages); redis-server: tests that stop and start their own Redis.
TEST_PACKAGES=(gettext chromium redis-server)

case "${1:-run}" in
  run) wanted=("${RUN_PACKAGES[@]}") ;;
  test) wanted=("${RUN_PACKAGES[@]}" "${TEST_PACKAGES[@]}") ;;
  *) echo "usage: $0 run|test" >&2; exit 2 ;;
esac

if ! command -v dpkg-query >/dev/null 2>&1; then
  echo "Not a Debian system: make sure these (or your system's equivalents) are installed: ${wanted[*]}" >&2
  exit 0
fi

missing=()
for package in "${wanted[@]}"; do
  if ! dpkg-query -W -f='${Status}' "$package" 2>/dev/null | grep -q "install ok installed"; then
    missing+=("$package")
  fi
done
[ ${#missing[@]} -eq 0 ] && exit 0

if [ "$(id -u)" -eq 0 ] && command -v apt-get >/dev/null 2>&1; then
  echo "Installing system packages: ${missing[*]}"
  apt-get update -q
  DEBIAN_FRONTEND=noninteractive apt-get install -y -q "${missing[@]}"
else
  echo "Missing system packages: ${missing[*]}" >&2
  echo "Install them with: sudo apt-get install ${missing[*]}" >&2
  exit 1
fi
