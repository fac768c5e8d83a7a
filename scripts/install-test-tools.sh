#!/usr/bin/env bash
# Find or install the programs the test suite drives: a Chromium for the browser tests,
# TeX (bibtex, biber, pdflatex) and pandoc for the citation tests, Java for the HTML checker,
# npm for the site checkers (vnu-jar, axe-core) that package-lock.json pins.
# On Debian (and in CI) they come from Debian's packages; elsewhere the browser falls back to
# Playwright's own Chromium, and the rest must come from the system's package manager.
set -euo pipefail

missing_packages=()
have() { command -v "$1" >/dev/null 2>&1; }

is_debian=false
if [ -r /etc/os-release ] && . /etc/os-release && [ "${ID:-}" = "debian" ]; then
  is_debian=true
fi

# Ubuntu's "chromium" package is a snap wrapper that does not run in containers, so
# only Debian takes the browser from apt.
if ! [ -x /usr/bin/chromium ] && $is_debian; then missing_packages+=(chromium); fi
have pdflatex || missing_packages+=(texlive-latex-base texlive-latex-recommended)
have bibtex || missing_packages+=(texlive-latex-base)
kpsewhich biblatex.sty >/dev/null 2>&1 || missing_packages+=(texlive-bibtex-extra)
have biber || missing_packages+=(biber)
have pandoc || missing_packages+=(pandoc)
have java || missing_packages+=(default-jre-headless)
have npm || missing_packages+=(npm)

if [ ${#missing_packages[@]} -gt 0 ]; then
  if have apt-get; then
    sudo=""
    [ "$(id -u)" -eq 0 ] || sudo="sudo"
    echo "Installing: ${missing_packages[*]}"
    $sudo apt-get update -qq
    DEBIAN_FRONTEND=noninteractive $sudo apt-get install -y -qq --no-install-recommends "${missing_packages[@]}" >/dev/null
  else
    echo "Please install: ${missing_packages[*]} (or their equivalents for your system)" >&2
    exit 1
  fi
fi

if ! [ -x /usr/bin/chromium ]; then
  # Not Debian: use Playwright's own browser (downloads it once).
  playwright="${VIRTUAL_ENV:-.venv}/bin/playwright"
  if [ "$(id -u)" -eq 0 ] || ! have sudo; then "$playwright" install chromium; else "$playwright" install --with-deps chromium; fi
fi
