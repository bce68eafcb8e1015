#!/usr/bin/env bash
# Builds the shim against a CUDA libtorch and runs the GPU tests and the benchmark on a GPU machine.
#
# Usage: scripts/gpu-check.sh BUNDLE_DIR OUT_DIR
#   BUNDLE_DIR  made on a .NET machine by `scripts/gpu-bundle.sh BUNDLE_DIR`: the .NET runtime (dotnet-runtime.tar.xz),
#               the built GPU tests (gputests/) and benchmark (bench/); the GPU machine needs no .NET SDK.
#   LIBTORCH_DIR  a CUDA libtorch; default: the one inside the `torch` package of `python3`.
set -euo pipefail
bundle=$1
out=$2
root="$(cd "$(dirname "$0")/.." && pwd)"
mkdir -p "$out" /tmp/hydro-dotnet
tar -C /tmp/hydro-dotnet -xJf "$bundle/dotnet-runtime.tar.xz"
export DOTNET_ROOT=/tmp/hydro-dotnet PATH=/tmp/hydro-dotnet:$PATH DOTNET_CLI_TELEMETRY_OPTOUT=1
LIBTORCH_DIR=${LIBTORCH_DIR:-$(python3 -c 'import os, torch; print(os.path.dirname(torch.__file__))')}
echo "== shim against $LIBTORCH_DIR"
nvidia-smi --query-gpu=name,driver_version,memory.total --format=csv,noheader || true
time cmake -S "$root/core/Hydro.Torch/native" -B /tmp/hydro-native -G Ninja -DCMAKE_BUILD_TYPE=Release \
  -DLIBTORCH_DIR="$LIBTORCH_DIR" > "$out/cmake-configure.log" 2>&1 || { tail -40 "$out/cmake-configure.log"; exit 1; }
time cmake --build /tmp/hydro-native --parallel > "$out/cmake-build.log" 2>&1 || { tail -40 "$out/cmake-build.log"; exit 1; }
export HYDRO_TORCH_NATIVE=/tmp/hydro-native/libhydro_torch.so
echo "== GPU tests"
dotnet "$bundle/gputests/Hydro.Torch.GpuTests.dll" 2>&1 | tee "$out/gpu-tests.log"
echo "== benchmark, cuda"
dotnet "$bundle/bench/Hydro.Torch.Benchmarks.dll" --device cuda --python python3 --threads 16 2>&1 | tee "$out/bench-cuda.log"
echo "== benchmark, cpu (16 threads)"
dotnet "$bundle/bench/Hydro.Torch.Benchmarks.dll" --device cpu --python python3 --threads 16 2>&1 | tee "$out/bench-cpu.log"
