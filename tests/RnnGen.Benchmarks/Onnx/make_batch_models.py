#!/usr/bin/env python3
"""Write the ONNX models the batch benchmarks run in ONNX Runtime: one timestep of N sequences through one RNN (tanh),
GRU or LSTM operator (forward) per case.

usage: /usr/bin/python3 make_batch_models.py [OUT_DIR]   (default: this script's folder)
Needs the onnx and numpy packages (Debian: python3-onnx, python3-numpy).

As in make_cell_models.py, W, R and B are initializers holding zeros, which the benchmark replaces with its own arrays
before it creates the session (SessionOptions.AddInitializer): constants as in an exported model, which ONNX Runtime's
GRU and LSTM kernels pre-pack once. The states come in as initial_h (and initial_c) and go out as Y_h (and Y_c); Y, the
outputs of every timestep, is not produced, since with one timestep it would repeat Y_h.

Inputs:       X [1, N, I], initial_h [1, N, O], and for the LSTM initial_c [1, N, O] (= N x I and N x O row-major,
              batch-major as the generated StepBatch takes them)
Initializers: W [1, G*O, I], R [1, G*O, O], B [1, 2*G*O] (= [input biases, recurrent biases]),
              G = 1 (RNN), 3 (GRU, gates z, r, h) or 4 (LSTM, gates i, o, f, c)
Outputs:      Y_h [1, N, O], and for the LSTM Y_c [1, N, O]
GRU: linear_before_reset=1, the semantics of torch.nn.GRU and of Keras's reset_after=True.
"""
import os
import sys

import numpy as np
import onnx
from onnx import TensorProto, helper, numpy_helper

OPSET = 14
IR_VERSION = 8

GATES = {"rnn": 1, "gru": 3, "lstm": 4}

# (cell, N, I, O), one timestep each; keep in sync with BatchModels.cs.
CASES = [
    ("rnn", 256, 8, 16),
    ("gru", 256, 1, 16),
    ("lstm", 256, 1, 40),
    ("gru", 256, 32, 64),
]


def name(cell, N, I, O):
    return f"{cell}_1x{I}x{O}_batch{N}"


def make_model(cell, N, I, O):
    rows = GATES[cell] * O

    def tensor(n, shape):
        return helper.make_tensor_value_info(n, TensorProto.FLOAT, shape)

    def placeholder(n, shape):
        return numpy_helper.from_array(np.zeros(shape, dtype=np.float32), n)

    initializers = [placeholder("W", [1, rows, I]), placeholder("R", [1, rows, O]), placeholder("B", [1, 2 * rows])]
    inputs = [tensor("X", [1, N, I]), tensor("initial_h", [1, N, O])]
    outputs = [tensor("Y_h", [1, N, O])]
    # sequence_lens left out; Y not produced.
    node_inputs = ["X", "W", "R", "B", "", "initial_h"]
    node_outputs = ["", "Y_h"]
    if cell == "rnn":
        node = helper.make_node("RNN", node_inputs, node_outputs, hidden_size=O, activations=["Tanh"], direction="forward")
    elif cell == "gru":
        node = helper.make_node("GRU", node_inputs, node_outputs, hidden_size=O, linear_before_reset=1, direction="forward")
    else:
        inputs.append(tensor("initial_c", [1, N, O]))
        outputs.append(tensor("Y_c", [1, N, O]))
        node = helper.make_node("LSTM", node_inputs + ["initial_c"], node_outputs + ["Y_c"], hidden_size=O, direction="forward")
    graph = helper.make_graph([node], name(cell, N, I, O), inputs, outputs, initializer=initializers)
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
