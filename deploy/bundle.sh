#!/usr/bin/env bash
# Builds an offline install bundle for an air-gapped court server (Linux x64, Node 20+):
#   bash deploy/bundle.sh   ->  amicus-<version>-linux-x64.tar.gz in the repository root
# It works in a staging copy of the committed tree, so the working copy is left as it is.
# The bundle holds the built app, production node_modules (other platforms' onnxruntime binaries
# pruned) and the shipped model. On the server: untar into /opt/amicus, install deploy/systemd units.
set -euo pipefail
root=$(cd "$(dirname "$0")/.." && pwd)
export ONNXRUNTIME_NODE_INSTALL=skip
version=$(node -p "require('$root/package.json').version")
out="amicus-${version}-linux-x64"
stage=$(mktemp -d)
trap 'rm -rf "$stage"' EXIT
git -C "$root" archive --format=tar --prefix="${out}/" HEAD | tar -x -C "$stage"
cd "$stage/$out"
npm ci
npx turbo run build
npm prune --omit=dev
ort=node_modules/onnxruntime-node/bin/napi-v6
if [ -d "$ort" ]; then
  find "$ort" -mindepth 1 -maxdepth 1 ! -name linux -exec rm -rf {} +
  find "$ort/linux" -mindepth 1 -maxdepth 1 ! -name x64 -exec rm -rf {} +
fi
tar -C "$stage" -czf "$root/${out}.tar.gz" "$out"
echo "wrote $root/${out}.tar.gz"
