#!/usr/bin/env bash
# fetch.sh - obtains what nodus builds against that a plain `apt-get install`
# cannot give us: V8 (inside Debian's libnode108 + libnode-dev), llhttp's
# generated C (node-llhttp), the two V8 headers libnode-dev omits and Node
# 18.20.4's test suite (both from the nodejs source package of the same
# Debian version). Everything is downloaded once into deps/cache/ and unpacked
# under deps/ (git-ignored); a second run downloads nothing.
#
# Usage: deps/fetch.sh          (run by ./configure)
set -euo pipefail

here=$(cd "$(dirname "$0")" && pwd)
cache="$here/cache"
version_prefix="18.20.4+dfsg-1~deb12u"
stamp="$here/.fetched-$version_prefix"

[ -f "$stamp" ] && exit 0

say() { printf 'deps: %s\n' "$*" >&2; }

# A private apt configuration: the machine's Debian sources, plus their
# deb-src twins (needed for the nodejs source package), with lists and
# archives kept under deps/cache. Nothing is installed system-wide.
apt_dir="$cache/apt"
mkdir -p "$apt_dir/lists/partial" "$apt_dir/archives/partial" \
         "$apt_dir/sources.d" "$cache/dl"
write_sources() {
  local f out
  for f in /etc/apt/sources.list /etc/apt/sources.list.d/*.list; do
    [ -f "$f" ] || continue
    out="$apt_dir/sources.d/$(basename "$f").list"
    # one-line format: keep Debian lines, add a deb-src twin of each.
    grep -E '^deb [^#]*debian' "$f" \
      | sed -e 'p' -e 's/^deb /deb-src /' > "$out" || true
  done
  for f in /etc/apt/sources.list.d/*.sources; do
    [ -f "$f" ] || continue
    out="$apt_dir/sources.d/$(basename "$f")"
    # deb822 format: stanzas of Debian's archive get both types.
    awk 'BEGIN { RS=""; ORS="\n\n" }
         /Signed-By: *\/usr\/share\/keyrings\/debian-archive-keyring.gpg/ {
           sub(/Types: *deb[^\n]*/, "Types: deb deb-src"); print }' \
      "$f" > "$out"
  done
}
write_sources
apt_opts=(-o "Dir::Etc::SourceList=/dev/null"
          -o "Dir::Etc::SourceParts=$apt_dir/sources.d"
          -o "Dir::State::Lists=$apt_dir/lists"
          -o "Dir::Cache::Archives=$apt_dir/archives"
          -o "APT::Sandbox::User=root" -o "Debug::NoLocking=1")

say "updating a private apt package list"
apt-get -q "${apt_opts[@]}" update >&2

# The newest Debian revision of 18.20.4 that the archive offers.
ver=$(apt-cache "${apt_opts[@]}" madison libnode108 \
        | awk -F'|' '{ gsub(/ /, "", $2); print $2 }' \
        | grep -F "$version_prefix" | sort -V | tail -1)
[ -n "$ver" ] || { say "no libnode108 $version_prefix* in the archive"; exit 1; }
say "libnode108 $ver"

cd "$cache/dl"
ls libnode108_*.deb >/dev/null 2>&1 ||
  apt-get -q "${apt_opts[@]}" download "libnode108=$ver" "libnode-dev=$ver" \
    node-llhttp >&2
# The source of one revision may be missing from a mirror: try each 18.20.4
# revision, newest first (all share the same orig tarball).
if ! ls nodejs_18.20.4+dfsg.orig.tar.xz >/dev/null 2>&1; then
  for v in $(apt-cache "${apt_opts[@]}" showsrc nodejs \
               | awk '/^Version:/ { print $2 }' | grep -F 18.20.4 | sort -Vru); do
    apt-get -q "${apt_opts[@]}" source --download-only "nodejs=$v" >&2 && break
  done
fi
ls nodejs_18.20.4+dfsg.orig.tar.xz >/dev/null

say "unpacking libnode, libnode-dev and node-llhttp"
rm -rf "$here/libnode" "$here/llhttp"
mkdir -p "$here/libnode" "$here/llhttp"
dpkg-deb -x libnode108_*.deb "$here/libnode"
dpkg-deb -x libnode-dev_*.deb "$here/libnode"
dpkg-deb -x node-llhttp_*.deb "$here/llhttp"

say "unpacking V8's extra headers and Node's test suite from the source"
rm -rf "$here/v8" "$here/node-suite"
mkdir -p "$here/v8" "$here/node-suite"
tar -xJf nodejs_18.20.4+dfsg.orig.tar.xz -C "$here/v8" \
  --strip-components=3 node-v18.20.4/deps/v8/include
tar -xJf nodejs_18.20.4+dfsg.orig.tar.xz -C "$here/node-suite" \
  --strip-components=1 node-v18.20.4/test
# v8/include/ now holds include/*.h
touch "$stamp"
