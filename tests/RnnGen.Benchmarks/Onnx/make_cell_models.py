#!/usr/bin/env python3
"""Write the ONNX models the gated-cell benchmarks run in ONNX Runtime: one GRU or LSTM operator (forward) per case.

usage: /usr/bin/python3 make_cell_models.py [OUT_DIR]   (default: this script's folder)
Needs the onnx and numpy packages (Debian: python3-onnx, python3-numpy).

Unlike make_models.py's RNN models, these keep W, R and B as initializers, as an exported model does: ONNX Runtime's
GRU and LSTM kernels pre-pack W and R once when they are constants, and would repack them on every run if they were
graph inputs. The initializers hold zeros; the benchmark replaces them with its own arrays before it creates the
session (SessionOptions.AddInitializer), so every peer runs on the same weights.

Inputs:       X [T, 1, I]
Initializers: W [1, G*O, I], R [1, G*O, O], B [1, 2*G*O] (= [input biases, recurrent biases]),
              G = 3 (GRU, gates z, r, h) or 4 (LSTM, gates i, o, f, c)
Output:       Y [T, 1, 1, O] (= T x O row-major)
GRU: linear_before_reset=1, the semantics of torch.nn.GRU and of Keras's reset_after=True.
"""
import os
import sys

import numpy as np
import onnx
from onnx import TensorProto, helper, numpy_helper

OPSET = 14
IR_VERSION = 8

GATES = {"gru": 3, "lstm": 4}

# (cell, T, I, O); keep in sync with CellModels.cs.
CASES = [
    ("gru", 100, 32, 64),
    ("lstm", 100, 32, 64),
    ("gru", 2048, 1, 16),
    ("lstm", 2048, 1, 40),
    ("gru", 1000, 8, 16),
    ("lstm", 50, 128, 128),
    ("gru", 20, 64, 256),
]


def name(cell, T, I, O):
    return f"{cell}_{T}x{I}x{O}"


def make_model(cell, T, I, O):
    rows = GATES[cell] * O

    def tensor(n, shape):
        return helper.make_tensor_value_info(n, TensorProto.FLOAT, shape)

    def placeholder(n, shape):
        return numpy_helper.from_array(np.zeros(shape, dtype=np.float32), n)

    initializers = [placeholder("W", [1, rows, I]), placeholder("R", [1, rows, O]), placeholder("B", [1, 2 * rows])]
    if cell == "gru":
        node = helper.make_node("GRU", ["X", "W", "R", "B"], ["Y"], hidden_size=O, linear_before_reset=1, direction="forward")
    else:
        node = helper.make_node("LSTM", ["X", "W", "R", "B"], ["Y"], hidden_size=O, direction="forward")
    graph = helper.make_graph([node], name(cell, T, I, O), [tensor("X", [T, 1, I])], [tensor("Y", [T, 1, 1, O])],
                              initializer=initializers)
    model = helper.make_model(graph, opset_imports=[helper.make_opsetid("", OPSET)], producer_name="RnnGen.Benchmarks")
    model.ir_version = IR_VERSION
    onnx.checker.check_model(model, full_check=True)
    return model


def main():
    out = sys.argv[1] if len(sys.argv) > 1 else os.path.dirname(os.path.abspath(__file__))
    os.makedirs(out, exist_ok=True)
    for case in CASES:
        path = os.path.join(out, name(*case) + ".onnx")
        onnx.save(make_model(*case), path)
        print(path)


if __name__ == "__main__":
    main()
