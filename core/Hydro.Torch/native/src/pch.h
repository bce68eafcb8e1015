// Precompiled header: everything heavy that the shim includes.
#pragma once
#include <torch/torch.h>
#include <ATen/ATen.h>
#include <cstdint>
#include <string>
#include <vector>
