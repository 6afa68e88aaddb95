#!/usr/bin/env python3
"""Time PyTorch on the Batch benchmark's cases: one timestep of 256 independent sequences per call, each sequence's
state carried from call to call, as the C# benchmarks' RnnGen_StepBatch and OnnxRuntime rows do.

usage: /usr/bin/python3 batch_torch.py [CALLS]   (default: 2000 timed calls per case)
Needs torch (Debian: python3-torch).

BenchmarkDotNet cannot host PyTorch, so this script stands alone; the README quotes its numbers beside the Batch
category's, from runs made one after the other on the same machine. Like ONNX Runtime there, PyTorch runs on one
thread (torch.set_num_threads(1)) under torch.inference_mode(). Each case is torch.nn.RNN (tanh), torch.nn.GRU or
torch.nn.LSTM with PyTorch's own random weights (timing does not depend on their values): input [1, 256, I], states
[1, 256, O], and each call's new states are the next call's. Every call is timed on its own with
time.perf_counter_ns, after as many warm-up calls; the script prints the median ns per call and per sequence-step
(ns per call / 256).

Debian's torch does its matrix products in whatever libblas.so.3 the system's alternatives select: the reference
(netlib) BLAS unless an optimised one such as OpenBLAS is installed, and PyTorch's own wheels use MKL instead. The
script prints the BLAS library the process loaded, so that a quoted figure can say which one it had.
"""
import os
import statistics
import sys
import time

import torch

BATCH = 256

# (label, module class, I, O); the Batch category's cases, in the same order.
CASES = [
    ("SimpleRnn 8->16", torch.nn.RNN, 8, 16),
    ("GRU 1->16", torch.nn.GRU, 1, 16),
    ("LSTM 1->40", torch.nn.LSTM, 1, 40),
    ("GRU 32->64", torch.nn.GRU, 32, 64),
]


def loaded_blas():
    """The BLAS and LAPACK libraries mapped into this process (Linux), or "unknown"."""
    try:
        with open("/proc/self/maps", encoding="utf-8") as maps:
            paths = {line.split()[-1] for line in maps if "blas" in line.lower() or "mkl" in line.lower()}
    except OSError:
        return "unknown"
    return ", ".join(sorted(os.path.realpath(path) for path in paths)) or "none found"


def median_ns_per_call(module, x, state, calls):
    """Runs 2 x calls timesteps, each from the last one's states, and returns the median time of the last calls."""
    times = []
    for call in range(2 * calls):
        start = time.perf_counter_ns()
        _, state = module(x, state)
        elapsed = time.perf_counter_ns() - start
        if call >= calls:
            times.append(elapsed)
    return statistics.median(times)


def main():
    calls = int(sys.argv[1]) if len(sys.argv) > 1 else 2000
    torch.set_num_threads(1)
    torch.manual_seed(20240611)
    print(f"torch {torch.__version__}, {torch.get_num_threads()} thread, batch {BATCH}, one timestep per call, "
          f"median of {calls} calls")
    print(f"BLAS: {loaded_blas()}")
    print(f"{'case':<16} {'ns/call':>12} {'ns/sequence-step':>17}")
    with torch.inference_mode():
        for label, cell, inputs, outputs in CASES:
            module = cell(inputs, outputs).eval()
            x = torch.rand(1, BATCH, inputs) * 2 - 1
            hidden = torch.rand(1, BATCH, outputs) * 2 - 1
            state = (hidden, torch.rand(1, BATCH, outputs) * 2 - 1) if cell is torch.nn.LSTM else hidden
            ns = median_ns_per_call(module, x, state, calls)
            print(f"{label:<16} {ns:>12,.0f} {ns / BATCH:>17,.1f}")


if __name__ == "__main__":
    main()
