#!/usr/bin/env bash
# Proves the offline install: builds the bundle (deploy/bundle.sh), unpacks it into a fresh
# directory and starts it in a network namespace of its own (`unshare -rn`: no network at all) with
# only `node` on the PATH (no npm), then checks that the server answers /healthz and /readyz and
# that `amicus summarize` runs the shipped model. Prints the bundle's size.
#   npm run test:bundle [-- ARCHIVE]   (Linux; needs unshare and ip, as root or with user namespaces;
#                                       an ARCHIVE already built is tested as it is)
set -euo pipefail
root=$(cd "$(dirname "$0")/.." && pwd)
version=$(node -p "require('$root/package.json').version")
archive="${1:-$root/amicus-${version}-linux-x64.tar.gz}"
[ -n "${1:-}" ] || bash "$root/deploy/bundle.sh"
echo "bundle: $archive $(du -h "$archive" | cut -f1) ($(stat -c %s "$archive") bytes)"
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
tar -xzf "$archive" -C "$work"
app="$work/amicus-${version}-linux-x64"
echo "unpacked: $(du -sh "$app" | cut -f1)"
mkdir "$work/bin"
for tool in node cat wc; do ln -s "$(command -v $tool)" "$work/bin/$tool"; done
printf 'The appeal is allowed. The order of the court below is set aside.\nThe respondent shall pay the costs of the appeal.\n' > "$work/judgment.txt"
unshare -rn env -i PATH="$work/bin" HOME="$work" /bin/bash -c '
  set -euo pipefail
  /usr/sbin/ip link set lo up
  cd "$1"
  if command -v npm >/dev/null; then echo "npm is reachable" >&2; exit 1; fi
  node -e "fetch(\"https://registry.npmjs.org\").then(() => process.exit(1), () => process.exit(0))" || { echo "network is reachable" >&2; exit 1; }
  AMICUS_DATA_DIR="$2/data" PORT=38117 NODE_ENV=production AMICUS_BOOTSTRAP_ADMIN_EMAIL=admin@court.example \
    AMICUS_BOOTSTRAP_ADMIN_PASSWORD=bundle-test-password node apps/api/dist/main.js > "$2/server.log" 2>&1 &
  server=$!
  trap "kill $server 2>/dev/null || true" EXIT
  node -e "
    const deadline = Date.now() + 60000;
    (async () => {
      for (;;) {
        try {
          const health = await fetch(\"http://127.0.0.1:38117/healthz\");
          const ready = await fetch(\"http://127.0.0.1:38117/readyz\");
          if (health.ok && ready.ok) { console.log(\"server: healthz\", health.status, \"readyz\", JSON.stringify(await ready.json())); return; }
        } catch {}
        if (Date.now() > deadline) { console.error(\"the server did not become ready\"); process.exit(1); }
        await new Promise((r) => setTimeout(r, 250));
      }
    })();
  " || { cat "$2/server.log" >&2; exit 1; }
  node apps/cli/bin/amicus.js summarize "$2/judgment.txt" > "$2/summary.txt"
  test -s "$2/summary.txt"
  echo "summarize: $(wc -w < "$2/summary.txt") words with the shipped model"
' bash "$app" "$work"
echo "offline bundle: OK"
