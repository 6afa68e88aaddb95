#!/usr/bin/env python3
"""Write the ONNX models the benchmarks run in ONNX Runtime: one RNN operator (tanh, forward) per shape.

usage: /usr/bin/python3 make_models.py [OUT_DIR]   (default: this script's folder)
Needs the onnx package (Debian: python3-onnx). The models hold no weights: X, W, R, B (and initial_h) are
all graph inputs, which the benchmark binds once to the same arrays its other peers use. ONNX Runtime's CPU
RNN kernel reads W and R on every run either way (it pre-packs nothing for RNN), so this costs nothing.

Inputs:  X [T, 1, I], W [1, O, I], R [1, O, O], B [1, 2*O] (= [input bias, recurrent bias]),
         and, for the "_h0" models, initial_h [1, 1, O].
Output:  Y [T, 1, 1, O] (= T x O row-major).
"""
import os
import sys

import onnx
from onnx import TensorProto, helper

OPSET = 14
IR_VERSION = 8

# (T, I, O, from_initial_state); keep in sync with Models.cs.
SHAPES = [
    (100, 32, 64, False),
    (1000, 8, 16, False),
    (50, 128, 128, False),
    (20, 64, 256, False),
    (1, 32, 64, True),
]


def name(T, I, O, h0):
    return f"rnn_{T}x{I}x{O}{'_h0' if h0 else ''}"


def make_model(T, I, O, h0):
    def tensor(n, shape):
        return helper.make_tensor_value_info(n, TensorProto.FLOAT, shape)

    inputs = [tensor("X", [T, 1, I]), tensor("W", [1, O, I]), tensor("R", [1, O, O]), tensor("B", [1, 2 * O])]
    node_inputs = ["X", "W", "R", "B"]
    if h0:
        inputs.append(tensor("initial_h", [1, 1, O]))
        node_inputs += ["", "initial_h"]  # sequence_lens left out
    node = helper.make_node("RNN", node_inputs, ["Y"], hidden_size=O, activations=["Tanh"], direction="forward")
    graph = helper.make_graph([node], name(T, I, O, h0), inputs, [tensor("Y", [T, 1, 1, O])])
    model = helper.make_model(graph, opset_imports=[helper.make_opsetid("", OPSET)], producer_name="RnnGen.Benchmarks")
    model.ir_version = IR_VERSION
    onnx.checker.check_model(model, full_check=True)
    return model


def main():
    out = sys.argv[1] if len(sys.argv) > 1 else os.path.dirname(os.path.abspath(__file__))
    os.makedirs(out, exist_ok=True)
    for T, I, O, h0 in SHAPES:
        path = os.path.join(out, name(T, I, O, h0) + ".onnx")
        onnx.save(make_model(T, I, O, h0), path)
        print(path)


if __name__ == "__main__":
    main()
