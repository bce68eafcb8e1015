#!/usr/bin/env bash
# Prepares what scripts/gpu-check.sh needs on a GPU machine without .NET: the .NET runtime and the built
# GPU tests and benchmark. Usage: scripts/gpu-bundle.sh BUNDLE_DIR
set -euo pipefail
bundle=$1
root="$(cd "$(dirname "$0")/.." && pwd)"
mkdir -p "$bundle"
dotnet_root=$(dirname "$(readlink -f "$(command -v dotnet)")")
if [ ! -f "$bundle/dotnet-runtime.tar.xz" ]; then
  tar -C "$dotnet_root" -cJf "$bundle/dotnet-runtime.tar.xz" dotnet host shared/Microsoft.NETCore.App
fi
for p in GpuTests:gputests Benchmarks:bench; do
  project=${p%%:*}
  dir=${p##*:}
  dotnet build "$root/tests/Hydro.Torch.$project" -c Release -v quiet -nologo
  rm -rf "${bundle:?}/$dir"
  cp -r "$root/tests/Hydro.Torch.$project/bin/Release/net10.0" "$bundle/$dir"
  rm -f "$bundle/$dir/libhydro_torch.so"
done
