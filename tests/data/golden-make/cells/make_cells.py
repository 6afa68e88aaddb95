#!/usr/bin/python3
"""Golden vectors for GRU and LSTM: a float64 NumPy reference, cross-checked by a float32 NumPy loop, PyTorch and
TensorFlow.js (tfjs_check.mjs, run through Node).

    /usr/bin/python3 make_cells.py            # write the cases in CASES, check every existing case, update the set
    /usr/bin/python3 make_cells.py --check    # only check: recompute every case's expected tensors, write nothing

The cases written before this script (the first seven in the manifest) are kept as they are: their seeds are not
known, so they cannot be drawn again. The script recomputes their expected tensors from their stored weights and
inputs and requires the same bits, which pins the reference below to the one that made them.
"""

import argparse
import json
import math
import os
import subprocess
import sys
import tempfile
import time
from dataclasses import dataclass

import numpy as np
import torch

HERE = os.path.dirname(os.path.abspath(__file__))
SET = os.path.normpath(os.path.join(HERE, "..", "..", "golden", "cells"))

CROSS_CHECK_LIMIT = 2e-5


@dataclass(frozen=True)
class Case:
    name: str
    cell: str  # "gru" or "lstm"
    timesteps: int
    input: int
    output: int
    seed: int
    activation: str = "Tanh"
    recurrent_activation: str = "Sigmoid"
    use_bias: bool = True
    reset_after: bool = True  # GRU only
    has_initial_state: bool = False


# The cases this script draws. Each seed is fixed, so a rerun writes the same bits.
CASES = [
    # Keras reset_after=False, which PyTorch cannot express; 33 units = one past whole vectors of 4, 8 or 16.
    Case("gru_reset_before_odd_20x5x33", "gru", 20, 5, 33, seed=1001, reset_after=False),
    Case("gru_reset_before_relu_15x4x7", "gru", 15, 4, 7, seed=1002, reset_after=False, activation="Relu"),
    # 65 units: one past a multiple of every vector width.
    Case("gru_initial_state_12x3x65", "gru", 12, 3, 65, seed=1003, has_initial_state=True),
    Case("lstm_single_unit_50x2x1", "lstm", 50, 2, 1, seed=1004, has_initial_state=True),
    Case("lstm_initial_state_30x7x33", "lstm", 30, 7, 33, seed=1005, has_initial_state=True),
    # torch.nn.LSTM has no activation argument: the reference and TensorFlow.js only.
    Case("lstm_relu_25x6x12", "lstm", 25, 6, 12, seed=1006, activation="Relu", has_initial_state=True),
    # One step: only an initial state puts the recurrent kernel to work.
    Case("gru_single_step_1x16x32", "gru", 1, 16, 32, seed=1007, has_initial_state=True),
    Case("lstm_single_step_1x16x32", "lstm", 1, 16, 32, seed=1008, has_initial_state=True),
    # Long sequences, where float32 rounding could drift away from the reference.
    Case("gru_long_1000x8x16", "gru", 1000, 8, 16, seed=1009),
    Case("lstm_long_1000x2x16", "lstm", 1000, 2, 16, seed=1010),
]

ACTIVATIONS = {
    "Tanh": np.tanh,
    "Sigmoid": lambda v: 1 / (1 + np.exp(-v)),
    "Relu": lambda v: np.maximum(v, 0),
    "Linear": lambda v: v,
}

# Keras gate blocks in PyTorch's order: GRU z,r,h ← r,z,n; LSTM i,f,c,o ← i,f,g,o.
TORCH_TO_KERAS = {"gru": [1, 0, 2], "lstm": [0, 1, 2, 3]}


def gates(cell):
    return 3 if cell == "gru" else 4


def has_torch_layout(case):
    # PyTorch's GRU is reset_after; its layout holds any LSTM, whatever the activation.
    return case.cell == "lstm" or case.reset_after


def torch_can_run(case):
    # torch.nn.GRU / LSTM are fixed to tanh and sigmoid.
    return has_torch_layout(case) and (case.activation, case.recurrent_activation) == ("Tanh", "Sigmoid")


def tfjs_can_run(case):
    # TensorFlow.js's GRU refuses resetAfter = true.
    return case.cell == "lstm" or not case.reset_after


# ---------------------------------------------------------------------------------------------------------------
# The cells. One loop serves float64 (the reference) and float32 (a cross-check): NumPy keeps the dtype it is given.

def run_gru(x, kernel, recurrent, bias, reset_after, act, ract, h):
    units = recurrent.shape[0]
    bias_x, bias_h = (bias[0], bias[1]) if reset_after else (bias, None)
    outputs = []
    for xt in x:
        px = xt @ kernel + bias_x
        if reset_after:
            ph = h @ recurrent + bias_h
            z = ract(px[:units] + ph[:units])
            r = ract(px[units:2 * units] + ph[units:2 * units])
            n = act(px[2 * units:] + r * ph[2 * units:])
        else:
            z = ract(px[:units] + h @ recurrent[:, :units])
            r = ract(px[units:2 * units] + h @ recurrent[:, units:2 * units])
            n = act(px[2 * units:] + (r * h) @ recurrent[:, 2 * units:])
        h = z * h + (1 - z) * n
        outputs.append(h)
    return np.stack(outputs), None


def run_lstm(x, kernel, recurrent, bias, act, ract, h, c):
    units = recurrent.shape[0]
    hs, cs = [], []
    for xt in x:
        p = xt @ kernel + h @ recurrent + bias
        i = ract(p[:units])
        f = ract(p[units:2 * units])
        g = act(p[2 * units:3 * units])
        o = ract(p[3 * units:])
        c = f * c + i * g
        h = o * act(c)
        hs.append(h)
        cs.append(c)
    return np.stack(hs), np.stack(cs)


def run(case, t, dtype, h0=None, c0=None):
    """Every h_t (and c_t) from the given states, zeros when None; t holds the Keras tensors."""
    cast = lambda a: np.asarray(a, dtype=dtype)
    act, ract = ACTIVATIONS[case.activation], ACTIVATIONS[case.recurrent_activation]
    zeros = np.zeros(case.output, dtype)
    h = zeros if h0 is None else cast(h0)
    args = (cast(t["inputs"]), cast(t["keras_kernel"]), cast(t["keras_recurrent_kernel"]), cast(t["keras_bias"]))
    if case.cell == "gru":
        return run_gru(*args, case.reset_after, act, ract, h)
    return run_lstm(*args, act, ract, h, zeros if c0 is None else cast(c0))


def expected_tensors(case, t):
    """The float64 reference: what the case stores as expected*, before rounding to float32."""
    out = {}
    h, c = run(case, t, np.float64)
    out["expected"] = h
    if case.cell == "lstm":
        out["expected_cell"] = c
    if case.has_initial_state:
        h, c = run(case, t, np.float64, t["initial_hidden"], t.get("initial_cell"))
        out["expected_with_state"] = h
        if case.cell == "lstm":
            out["expected_cell_with_state"] = c
    # Two RunLast calls in a row: the second starts from the state the first one left.
    h, c = run(case, t, np.float64)
    h, c = run(case, t, np.float64, h[-1], None if c is None else c[-1])
    out["expected_twice_hidden"] = h[-1]
    if case.cell == "lstm":
        out["expected_twice_cell"] = c[-1]
    return out


# ---------------------------------------------------------------------------------------------------------------
# Drawing a case.

def keras_from_torch(case, t):
    """PyTorch's tensors in Keras's layout: gate blocks reordered, matrices transposed; Keras's LSTM has one bias,
    the float32 sum of PyTorch's two, and its GRU two rows, input biases then recurrent biases."""
    units, order = case.output, TORCH_TO_KERAS[case.cell]
    keras = lambda m: np.concatenate([m[k * units:(k + 1) * units] for k in order])
    b_ih, b_hh = keras(t["torch_bias_ih"]), keras(t["torch_bias_hh"])
    return {"keras_kernel": np.ascontiguousarray(keras(t["torch_weight_ih"]).T),
            "keras_recurrent_kernel": np.ascontiguousarray(keras(t["torch_weight_hh"]).T),
            "keras_bias": np.stack([b_ih, b_hh]) if case.cell == "gru" else b_ih + b_hh}


def draw(case):
    """Weights uniform in ±1/sqrt(O), as PyTorch initialises them; inputs and h_{-1} in [-1, 1], c_{-1} in [-3, 3]
    so that act(c) is also exercised where it saturates. Returns float32 tensors in the manifest's order."""
    rng = np.random.default_rng(case.seed)
    g, units = gates(case.cell), case.output
    bound = 1 / math.sqrt(units)
    uniform = lambda shape, b=bound: rng.uniform(-b, b, shape).astype(np.float32)
    zeros = lambda shape: np.zeros(shape, np.float32)
    t = {}
    if has_torch_layout(case):
        w_ih, w_hh = uniform((g * units, case.input)), uniform((g * units, units))
        b_ih, b_hh = (uniform(g * units), uniform(g * units)) if case.use_bias else (zeros(g * units), zeros(g * units))
        torch_tensors = {"torch_weight_ih": w_ih, "torch_weight_hh": w_hh, "torch_bias_ih": b_ih, "torch_bias_hh": b_hh}
        t.update(keras_from_torch(case, torch_tensors))
    else:
        t["keras_kernel"] = uniform((case.input, g * units))
        t["keras_recurrent_kernel"] = uniform((units, g * units))
        t["keras_bias"] = uniform(g * units) if case.use_bias else zeros(g * units)
    t["inputs"] = rng.uniform(-1, 1, (case.timesteps, case.input)).astype(np.float32)
    if has_torch_layout(case):
        t.update(torch_tensors)
    if case.has_initial_state:
        t["initial_hidden"] = rng.uniform(-1, 1, units).astype(np.float32)
        if case.cell == "lstm":
            t["initial_cell"] = rng.uniform(-3, 3, units).astype(np.float32)
    return t


# ---------------------------------------------------------------------------------------------------------------
# Cross-checks. Each gives float32 outputs (every h_t) and, for LSTM, the final cell state.

def cross_check_numpy(case, t, with_state):
    states = (t["initial_hidden"], t.get("initial_cell")) if with_state else (None, None)
    h, c = run(case, t, np.float32, *states)
    return h, None if c is None else c[-1]


def cross_check_torch(case, t, with_state):
    layer_type = torch.nn.GRU if case.cell == "gru" else torch.nn.LSTM
    layer = layer_type(case.input, case.output, batch_first=True)
    names = ["weight_ih", "weight_hh", "bias_ih", "bias_hh"]
    layer.load_state_dict({f"{n}_l0": torch.from_numpy(t[f"torch_{n}"]) for n in names})
    x = torch.from_numpy(t["inputs"])[None]
    h0 = torch.from_numpy(t["initial_hidden"])[None, None] if with_state else torch.zeros(1, 1, case.output)
    with torch.no_grad():
        if case.cell == "gru":
            y, _ = layer(x, h0)
            return y[0].numpy(), None
        c0 = torch.from_numpy(t["initial_cell"])[None, None] if with_state else torch.zeros(1, 1, case.output)
        y, (_, c) = layer(x, (h0, c0))
        return y[0].numpy(), c[0, 0].numpy()


def run_tfjs(cases):
    """Runs tfjs_check.mjs once over the given cases. Returns {(case, with_state): (outputs, final_cell)}."""
    if not cases:
        return {}
    if not os.path.isdir(os.path.join(HERE, "node_modules", "@tensorflow", "tfjs")):
        sys.exit(f"TensorFlow.js is missing: run `npm ci` in {HERE}")
    with tempfile.TemporaryDirectory() as out:
        job = [{"name": c.name, "cell": c.cell, "timesteps": c.timesteps, "input": c.input, "units": c.output,
                "activation": c.activation.lower(), "recurrentActivation": c.recurrent_activation.lower(),
                "useBias": c.use_bias, "resetAfter": c.reset_after if c.cell == "gru" else None,
                "hasInitialState": c.has_initial_state, "dir": os.path.join(SET, c.name)} for c in cases]
        job_path = os.path.join(out, "job.json")
        with open(job_path, "w") as f:
            json.dump({"out": out, "cases": job}, f)
        subprocess.run(["node", os.path.join(HERE, "tfjs_check.mjs"), job_path], check=True)
        results = {}
        for c in cases:
            for with_state in ([False, True] if c.has_initial_state else [False]):
                suffix = "_with_state" if with_state else ""
                read = lambda n: np.fromfile(os.path.join(out, c.name, n + suffix + ".bin"), "<f4")
                h = read("outputs").reshape(c.timesteps, c.output)
                results[c.name, with_state] = (h, read("final_cell") if c.cell == "lstm" else None)
        return results


def gaps(case, reference, outputs, final_cell):
    """The largest gaps to the float64 reference: outputs absolute (Relu cells also relative to max(1, |h|), their
    values not being bounded by 1); final cell relative to max(1, |c|)."""
    h_ref, c_ref = reference
    gap = {"outputs": float(np.abs(outputs - h_ref).max())}
    if case.activation == "Relu":
        gap["outputs_relative"] = float((np.abs(outputs - h_ref) / np.maximum(1, np.abs(h_ref))).max())
    if final_cell is not None:
        gap["final_cell"] = float((np.abs(final_cell - c_ref[-1]) / np.maximum(1, np.abs(c_ref[-1]))).max())
    return gap


def within_limit(gap):
    keys = ["outputs_relative" if "outputs_relative" in gap else "outputs"] + (["final_cell"] if "final_cell" in gap else [])
    return all(gap[k] <= CROSS_CHECK_LIMIT for k in keys)


# ---------------------------------------------------------------------------------------------------------------
# The manifest and cases.tsv.

def manifest_entry(case, t, ref, checks):
    x = t["inputs"].astype(np.float64)
    bias = t["keras_bias"].astype(np.float64)
    input_bias = bias[0] if bias.ndim == 2 else bias
    entry = {
        "name": case.name, "cell": case.cell, "timesteps": case.timesteps, "input": case.input,
        "output": case.output, "activation": case.activation, "recurrent_activation": case.recurrent_activation,
        "use_bias": case.use_bias, "reset_after": case.reset_after if case.cell == "gru" else None,
        "has_initial_state": case.has_initial_state, "weights": "symmetric", "torch_layout": has_torch_layout(case),
        "seed": case.seed,
        "max_abs_expected": float(np.abs(ref["expected"]).max()),
    }
    if case.cell == "lstm":
        entry["max_abs_cell"] = float(np.abs(ref["expected_cell"]).max())
    if case.has_initial_state:
        entry["max_abs_expected_with_state"] = float(np.abs(ref["expected_with_state"]).max())
        if case.cell == "lstm":
            entry["max_abs_cell_with_state"] = float(np.abs(ref["expected_cell_with_state"]).max())
    entry["max_abs_input_preactivation"] = float(np.abs(x @ t["keras_kernel"].astype(np.float64) + input_bias).max())
    entry["cross_checks"] = checks
    entry["independent_cross_check"] = [n for n in ("torch", "tfjs") if n in checks]
    entry["tensors"] = {n: {"file": f"{case.name}/{n}.bin", "shape": list(a.shape)} for n, a in tensor_order(t, ref)}
    return entry


def tensor_order(t, ref):
    """Tensors in the order the existing cases list them: weights, inputs, PyTorch weights, states, expected."""
    names = ["keras_kernel", "keras_recurrent_kernel", "keras_bias", "inputs",
             "torch_weight_ih", "torch_weight_hh", "torch_bias_ih", "torch_bias_hh", "initial_hidden", "initial_cell",
             "expected", "expected_cell", "expected_with_state", "expected_cell_with_state",
             "expected_twice_hidden", "expected_twice_cell"]
    both = {**t, **ref}
    return [(n, both[n]) for n in names if n in both]


def dump_json(value, indent=0):
    """The manifest's own layout: one space per level, number lists (shapes) on one line."""
    pad, inner = " " * indent, " " * (indent + 1)
    if isinstance(value, dict):
        if not value:
            return "{}"
        items = [f"{inner}{json.dumps(k)}: {dump_json(v, indent + 1)}" for k, v in value.items()]
        return "{\n" + ",\n".join(items) + "\n" + pad + "}"
    if isinstance(value, list):
        if not value:
            return "[]"
        if all(isinstance(v, (int, float)) and not isinstance(v, bool) for v in value):
            return "[" + ", ".join(json.dumps(v) for v in value) + "]"
        return "[\n" + ",\n".join(inner + dump_json(v, indent + 1) for v in value) + "\n" + pad + "]"
    return json.dumps(value)


def tsv_line(entry):
    flag = lambda v: "-" if v is None else str(v).lower()
    class_name = entry["name"][0].upper() + entry["name"][1:]
    cols = ["case", class_name, entry["name"], entry["cell"], entry["timesteps"], entry["input"], entry["output"],
            entry["activation"], entry["recurrent_activation"], flag(entry["use_bias"]), flag(entry["reset_after"]),
            "-", "-", "-"]
    return "\t".join(str(c) for c in cols)


# ---------------------------------------------------------------------------------------------------------------

def case_of(entry):
    """The Case an existing manifest entry describes (its seed may be unknown)."""
    return Case(entry["name"], entry["cell"], entry["timesteps"], entry["input"], entry["output"], entry.get("seed"),
                entry["activation"], entry["recurrent_activation"], entry["use_bias"],
                bool(entry["reset_after"]), entry["has_initial_state"])


def load_tensors(entry):
    return {n: np.fromfile(os.path.join(SET, v["file"]), "<f4").reshape(v["shape"])
            for n, v in entry["tensors"].items()}


def check_stored(entry):
    """Recomputes a stored case's expected tensors from its weights and inputs; every bit must match."""
    case, stored = case_of(entry), load_tensors(entry)
    ref = expected_tensors(case, stored)
    for name, value in ref.items():
        if not np.array_equal(value.astype(np.float32), stored[name]):
            differ = int((value.astype(np.float32) != stored[name]).sum())
            sys.exit(f"{case.name}/{name}: {differ} of {value.size} values differ from the float64 reference")
    if has_torch_layout(case):
        # The Keras tensors must be the PyTorch ones reordered (and, for LSTM, the biases summed).
        drawn = {k: stored[k] for k in ("torch_weight_ih", "torch_weight_hh", "torch_bias_ih", "torch_bias_hh")}
        for name, value in keras_from_torch(case, drawn).items():
            if not np.array_equal(value, stored[name]):
                sys.exit(f"{case.name}/{name} is not the PyTorch tensors in Keras's layout")




def main():
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--check", action="store_true", help="recompute and compare only; write nothing")
    args = parser.parse_args()
    torch.set_num_threads(1)  # one thread: the same sums in the same order on every machine
    start = time.monotonic()

    manifest_path = os.path.join(SET, "manifest.json")
    with open(manifest_path, encoding="utf-8") as f:
        text = f.read()
    manifest = json.loads(text)
    if dump_json(manifest) + "\n" != text:
        sys.exit("manifest.json is not in the layout this script writes; refusing to rewrite it")

    ours = {c.name for c in CASES}
    kept = [e for e in manifest["cases"] if e["name"] not in ours]
    for entry in kept:
        check_stored(entry)
    print(f"{len(kept)} stored cases: the reference reproduces every expected tensor bit for bit")

    if args.check:
        for case in CASES:
            entry = next(e for e in manifest["cases"] if e["name"] == case.name)
            check_stored(entry)
            fresh = draw(case)
            for name in fresh:
                if not np.array_equal(fresh[name], load_tensors(entry)[name]):
                    sys.exit(f"{case.name}/{name}: seed {case.seed} draws other values than the stored ones")
        print(f"{len(CASES)} generated cases: drawn again from their seeds, every tensor is the same")
        print(f"done in {time.monotonic() - start:.1f} s")
        return

    drawn, refs, checks = {}, {}, {}
    for case in CASES:
        t = draw(case)
        ref = expected_tensors(case, t)
        folder = os.path.join(SET, case.name)
        os.makedirs(folder, exist_ok=True)
        for stale in os.listdir(folder):
            os.remove(os.path.join(folder, stale))
        for name, value in tensor_order(t, ref):
            np.asarray(value, "<f4").tofile(os.path.join(folder, name + ".bin"))
        drawn[case.name], refs[case.name] = t, ref

        # The reference against which every implementation is measured, per run (from zero / from the state).
        runs = {False: (ref["expected"], ref.get("expected_cell"))}
        if case.has_initial_state:
            runs[True] = (ref["expected_with_state"], ref.get("expected_cell_with_state"))
        checks[case.name] = {}
        for name, fn, can in (("numpy_float32", cross_check_numpy, True), ("torch", cross_check_torch, torch_can_run(case))):
            for with_state, reference in runs.items():
                if can:
                    checks[case.name][name + ("_with_state" if with_state else "")] = gaps(case, reference, *fn(case, t, with_state))

    tfjs_start = time.monotonic()
    tfjs = run_tfjs([c for c in CASES if tfjs_can_run(c)])
    tfjs_seconds = time.monotonic() - tfjs_start
    for (name, with_state), result in tfjs.items():
        case = next(c for c in CASES if c.name == name)
        ref = refs[name]
        reference = (ref["expected_with_state"], ref.get("expected_cell_with_state")) if with_state else (ref["expected"], ref.get("expected_cell"))
        checks[name]["tfjs" + ("_with_state" if with_state else "")] = gaps(case, reference, *result)

    entries = []
    for case in CASES:
        # Same key order as the existing cases: the checks from zero first, then from the state, then tfjs.
        ordered = {k: checks[case.name][k] for k in sorted(checks[case.name], key=lambda k: (k.startswith("tfjs"), k.endswith("_with_state")))}
        entry = manifest_entry(case, drawn[case.name], refs[case.name], ordered)
        for check, gap in ordered.items():
            if not within_limit(gap):
                sys.exit(f"{case.name}: {check} is off by {gap}, more than {CROSS_CHECK_LIMIT}")
        entries.append(entry)
        summary = ", ".join(f"{k} {max(v.values()):.2e}" for k, v in ordered.items())
        print(f"{case.name}: {summary}")

    manifest["cases"] = kept + entries
    with open(manifest_path, "w", encoding="utf-8", newline="\n") as f:
        f.write(dump_json(manifest) + "\n")

    tsv_path = os.path.join(SET, "cases.tsv")
    with open(tsv_path, encoding="utf-8") as f:
        lines = f.read().splitlines()
    header = [l for l in lines if l.startswith("#")]
    body = [tsv_line(e) for e in manifest["cases"]]
    old_body = [l for l in lines if l and not l.startswith("#")]
    if body[:len(kept)] != old_body[:len(kept)]:
        sys.exit("cases.tsv: the stored cases' lines are not the ones this script writes")
    with open(tsv_path, "w", encoding="utf-8", newline="\n") as f:
        f.write("\n".join(header + body) + "\n")

    print(f"wrote {len(CASES)} cases in {time.monotonic() - start:.1f} s (TensorFlow.js {tfjs_seconds:.1f} s)")


if __name__ == "__main__":
    main()
