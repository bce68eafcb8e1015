#!/usr/bin/env bash
# The README's test command: builds the solution (native shim included) and runs every test project.
set -euo pipefail
cd "$(dirname "$0")/.."
export HYDRO_TEST_DATA="${HYDRO_TEST_DATA:-$(cd .. && pwd)/shared/data}"
dotnet build Framework.sln -c Release
dotnet test Framework.sln -c Release --no-build
