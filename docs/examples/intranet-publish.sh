#!/bin/sh
# Publish a qisite network to a folder a web server or an intranet share serves.
# Run it by hand, or nightly from cron, e.g.:
#   17 5 * * *  NETWORK=/srv/qi/network PUBLISH=/var/www/qi /srv/qi/intranet-publish.sh
# The site is replaced in one step (readers never see half a site), and
# works from any folder: no server configuration is needed beyond serving files.
# docs/publishing.md explains each step.
set -eu
NETWORK="${NETWORK:-.}"
PUBLISH="${PUBLISH:-/var/www/qi}"
ARCHIVE="${ARCHIVE:-$PUBLISH.zip}"

cd "$NETWORK"
git pull --ff-only --quiet 2>/dev/null || true    # when the network is a git checkout
qisite check --quiet || echo "some projects have errors: they are left out of the site (run qisite check)"
qisite build --output "$PUBLISH" --zip "$ARCHIVE"
