// Runs golden GRU/LSTM cases through TensorFlow.js's Keras layers (pure JavaScript CPU backend, float32) and writes
// what they return; make_cells.py compares that to its float64 reference.
//
//   node tfjs_check.mjs job.json
//
// job.json: {"out": folder, "cases": [{name, cell, timesteps, input, units, activation, recurrentActivation,
// useBias, resetAfter, hasInitialState, dir}]}. Per case it writes <out>/<name>/outputs.bin (every h_t, T×O) and,
// for LSTM, final_cell.bin (c_{T-1}); the same with _with_state from the case's initial states.
import { readFileSync, writeFileSync, mkdirSync } from 'node:fs';
import { join } from 'node:path';
import * as tf from '@tensorflow/tfjs';

// Without the native tfjs-node binding the CPU backend is the plain JavaScript one; say so once, not per layer.
await tf.setBackend('cpu');

const job = JSON.parse(readFileSync(process.argv[2], 'utf8'));

function read(dir, name, shape) {
  const bytes = readFileSync(join(dir, `${name}.bin`));
  // Copy into a fresh, aligned buffer: a Buffer's own may be shared and unaligned.
  const values = new Float32Array(bytes.buffer.slice(bytes.byteOffset, bytes.byteOffset + bytes.byteLength));
  return tf.tensor(values, shape);
}

function write(folder, name, tensor) {
  const values = tensor.dataSync();
  writeFileSync(join(folder, `${name}.bin`), Buffer.from(values.buffer, values.byteOffset, values.byteLength));
}

for (const c of job.cases) {
  const gates = c.cell === 'gru' ? 3 : 4;
  // Keras layout, as get_weights() gives it; without bias the layer has no bias weight at all.
  const weights = [
    read(c.dir, 'keras_kernel', [c.input, gates * c.units]),
    read(c.dir, 'keras_recurrent_kernel', [c.units, gates * c.units]),
  ];
  if (c.useBias) weights.push(read(c.dir, 'keras_bias', [gates * c.units]));

  const x = read(c.dir, 'inputs', [1, c.timesteps, c.input]);
  const folder = join(job.out, c.name);
  mkdirSync(folder, { recursive: true });

  const runs = [['', undefined]];
  if (c.hasInitialState) {
    const state = [read(c.dir, 'initial_hidden', [1, c.units])];
    if (c.cell === 'lstm') state.push(read(c.dir, 'initial_cell', [1, c.units]));
    runs.push(['_with_state', state]);
  }
  for (const [suffix, initialState] of runs) {
    // A fresh layer per run: a layer first called without initial states cannot take them later.
    const layer = makeLayer(c);
    const args = initialState ? { initialState } : {};
    layer.apply(x, args); // builds the layer, so that it holds weights to set
    layer.setWeights(weights);
    // returnState: [every h_t, h_{T-1}] for GRU, [every h_t, h_{T-1}, c_{T-1}] for LSTM.
    const result = layer.apply(x, args);
    write(folder, `outputs${suffix}`, result[0]);
    if (c.cell === 'lstm') write(folder, `final_cell${suffix}`, result[2]);
  }
}

function makeLayer(c) {
  const options = {
    units: c.units,
    activation: c.activation,
    // Set explicitly: TensorFlow.js's default for both cells is hardSigmoid, not Keras's sigmoid.
    recurrentActivation: c.recurrentActivation,
    useBias: c.useBias,
    returnSequences: true,
    returnState: true,
    // The weights are set afterwards; a cheap initializer avoids an orthogonal one on large matrices.
    kernelInitializer: 'zeros',
    recurrentInitializer: 'zeros',
  };
  if (c.cell === 'gru') options.resetAfter = c.resetAfter;
  return c.cell === 'gru' ? tf.layers.gru(options) : tf.layers.lstm(options);
}
