#!/usr/bin/env bash
# Installs Hydro's native prerequisites from Debian (needs root or sudo):
#   libtorch-dev          libtorch 1.13 headers and libraries, which the shim binds
#   libopenblas0-pthread  optimised BLAS; without it libtorch falls back to the reference BLAS (~5x slower)
#   cmake, ninja-build, g++  to build the shim (core/Hydro.Torch/native)
#   python3-torch         PyTorch on the same libtorch: golden values, safetensors interop test, benchmarks
#   python3-pandas        the reference of the data-loading benchmark (tests/Hydro.Data.Benchmarks)
#   libnetcdf-dev         the NetCDF C library that core/Hydro.NetCdf binds (gridded inputs, CF outputs)
#   python3-netcdf4, python3-xarray  independent readers and writers of NetCDF for the tests
# The .NET 10 SDK is expected to be installed already.
set -euo pipefail
packages=(libtorch-dev libopenblas0-pthread cmake ninja-build g++ python3-torch python3-pandas libnetcdf-dev python3-netcdf4 python3-xarray)
missing=()
for p in "${packages[@]}"; do
  dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q "install ok installed" || missing+=("$p")
done
if [ ${#missing[@]} -eq 0 ]; then
  echo "prerequisites: all installed"
  exit 0
fi
sudo=""
[ "$(id -u)" -eq 0 ] || sudo="sudo"
echo "prerequisites: installing ${missing[*]}"
$sudo apt-get update -q
DEBIAN_FRONTEND=noninteractive $sudo apt-get install -y -q --no-install-recommends "${missing[@]}"
