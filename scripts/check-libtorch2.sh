#!/usr/bin/env bash
# Builds Hydro against libtorch 2.x and runs tests on it: Debian trixie ships libtorch-dev 2.6 (bookworm, which
# CI runs, ships 1.13). A trixie root made by debootstrap gets libtorch-dev, python3-torch, cmake and g++ from apt;
# this machine's .NET SDK, NuGet cache and ../shared are bind-mounted into it, and a clean clone of HEAD is built
# there (the shim by the same MSBuild target as always) and tested against the golden values made with 1.13.
#
#   sudo bash scripts/check-libtorch2.sh [ROOT] [COMMAND]
#     ROOT     where the trixie root lives (default /var/tmp/hydro-trixie; made on the first run, ~1.5 GiB)
#     COMMAND  what to run in the clone (default: the Hydro.Torch tests; 'bash scripts/test.sh' runs every test
#              project; 'dotnet run -c Release --project tests/Hydro.Torch.Benchmarks' the benchmark vs PyTorch 2.6)
# Needs root (debootstrap, chroot, mount), network access to deb.debian.org and NuGet.
set -euo pipefail
repo="$(cd "$(dirname "$0")/.." && pwd)"
root="${1:-/var/tmp/hydro-trixie}"
command="${2:-dotnet test tests/Hydro.Torch.Tests -c Release}"
shared="$(cd "$repo/.." && pwd)/shared"
dotnet_home="$(dirname "$(readlink -f "$(command -v dotnet)")")"

if [ "$(id -u)" -ne 0 ]; then
  echo "check-libtorch2.sh needs root (debootstrap, chroot, mount)" >&2
  exit 1
fi
if [ ! -x "$root/usr/bin/apt-get" ]; then
  command -v debootstrap >/dev/null || apt-get install -y -q debootstrap
  echo "== debootstrap trixie into $root"
  debootstrap --variant=minbase trixie "$root" http://deb.debian.org/debian
fi

mounts=()
bind() { mkdir -p "$root$2"; mount --bind "$1" "$root$2"; mounts=("$root$2" "${mounts[@]}"); }
cleanup() { for m in "${mounts[@]}"; do umount "$m" || true; done; }
trap cleanup EXIT
bind /proc /proc
bind /dev /dev
bind "$dotnet_home" /opt/dotnet
mkdir -p "$HOME/.nuget"
bind "$HOME/.nuget" /root/.nuget
[ -d "$shared" ] && bind "$shared" /src/shared
cp /etc/resolv.conf "$root/etc/resolv.conf"

echo "== apt: libtorch-dev (2.x), python3-torch, cmake, g++"
chroot "$root" bash -c 'apt-get update -q >/dev/null && DEBIAN_FRONTEND=noninteractive apt-get install -y -q \
  --no-install-recommends libtorch-dev python3-torch libopenblas0-pthread cmake g++ make libicu76 ca-certificates >/dev/null'
chroot "$root" dpkg-query -W -f='libtorch ${Version}\n' libtorch-dev
# NuGet trusts what this machine trusts (a proxy's CA included); after apt, which rewrites the bundle.
cp /etc/ssl/certs/ca-certificates.crt "$root/etc/ssl/certs/ca-certificates.crt"

echo "== clone HEAD into $root/src/main"
rm -rf "$root/src/main"
git clone -q "$repo" "$root/src/main"

echo "== $command"
chroot "$root" env HOME=/root PATH=/opt/dotnet:/usr/bin:/bin HYDRO_TEST_DATA=/src/shared/data \
  DOTNET_CLI_TELEMETRY_OPTOUT=1 DOTNET_NOLOGO=1 NUGET_CERT_REVOCATION_MODE=offline \
  bash -c "cd /src/main && $command"
