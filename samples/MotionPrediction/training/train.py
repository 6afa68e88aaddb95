#!/usr/bin/env python3
"""Trains the motion predictor and writes ../motion.safetensors.

Run with Debian's interpreter, which has PyTorch:

    /usr/bin/python3 samples/MotionPrediction/training/train.py

The model is one torch.nn.RNN layer (2 inputs, 32 tanh units) and nothing else: the first two hidden units
double as the output head, so the next displacement is h_t[0:2] * DISPLACEMENT_SCALE. A separate Linear head
would be more usual, but then the C# side would need a second layer; this way the generated RnnGen kernel is
the whole model. Tanh bounds those two units to (-1, 1); DISPLACEMENT_SCALE is well above the fastest
per-tick displacement so that they work in tanh's nearly linear range, which the model fits far more precisely.
"""

import json
import math
import os
import struct
import time

import numpy as np
import torch

# Shared with the C# sample (MotionModel.cs, MotionEncoding.cs): change them together.
TIMESTEPS = 16
HIDDEN = 32
DISPLACEMENT_SCALE = 16.0  # world units per tick that map to 1.0, for inputs and outputs alike

# The motion of a game target, in world units per tick (see Trajectories.cs for the same process).
MIN_SPEED, MAX_SPEED = 1.0, 6.0
SPEED_SLEW = 0.05  # largest speed change per tick
MAX_TURN = 0.12  # radians per tick of a cruising arc
TURN_SLEW = 0.01  # largest turn-rate change per tick, so arcs blend into S-curves
STRAIGHT_CHANCE = 0.25  # a new leg is a straight line this often
LEG_TICKS = (20, 60)  # a leg holds its target speed and turn rate this long
SHARP_TURN_CHANCE = 0.01  # per tick: a sudden hard turn
SHARP_TURN_RATE = 0.25
SHARP_TURN_TICKS = (6, 12)
WARMUP_TICKS = 40  # discarded, so that recorded paths start mid-motion

# Training on 32-tick sequences with a loss at every tick from the 8th on, not only on 16-tick windows,
# keeps the state meaningful past any fixed window (it holds steady over streams of 1,000 ticks): that is
# what lets a game loop call Step once per tick for as long as the target moves, while RunLast over the
# last 16 ticks from a zero state still gets the prediction it was trained for.
SEQUENCE_TICKS = 32
FIRST_SCORED_TICK = 7
TRAIN_PATHS = 32_000
VALIDATION_PATHS = 4_000
BATCH = 64
EPOCHS = 14
LEARNING_RATE = 2e-2

OUTPUT_PATH = os.path.join(os.path.dirname(os.path.abspath(__file__)), "..", "motion.safetensors")


def generate_paths(count, ticks, rng):
    """Positions (count, ticks + 1, 2) of targets that cruise along arcs and S-curves with occasional sharp turns."""
    heading = rng.uniform(-math.pi, math.pi, count)
    speed = rng.uniform(MIN_SPEED, MAX_SPEED, count)
    target_speed = speed.copy()
    target_turn = np.where(rng.random(count) < STRAIGHT_CHANCE, 0.0, rng.uniform(-MAX_TURN, MAX_TURN, count))
    turn = target_turn.copy()
    leg_left = rng.integers(LEG_TICKS[0], LEG_TICKS[1] + 1, count)
    position = rng.uniform(-500.0, 500.0, (count, 2))

    total = WARMUP_TICKS + ticks
    positions = np.empty((count, total + 1, 2))
    positions[:, 0] = position
    for tick in range(1, total + 1):
        leg_left -= 1
        new_leg = leg_left <= 0
        straight = rng.random(count) < STRAIGHT_CHANCE
        target_turn = np.where(new_leg, np.where(straight, 0.0, rng.uniform(-MAX_TURN, MAX_TURN, count)), target_turn)
        target_speed = np.where(new_leg, rng.uniform(MIN_SPEED, MAX_SPEED, count), target_speed)
        leg_left = np.where(new_leg, rng.integers(LEG_TICKS[0], LEG_TICKS[1] + 1, count), leg_left)

        sharp = rng.random(count) < SHARP_TURN_CHANCE
        sharp_sign = np.where(rng.random(count) < 0.5, -1.0, 1.0)
        target_turn = np.where(sharp, sharp_sign * SHARP_TURN_RATE, target_turn)
        leg_left = np.where(sharp, rng.integers(SHARP_TURN_TICKS[0], SHARP_TURN_TICKS[1] + 1, count), leg_left)

        turn += np.clip(target_turn - turn, -TURN_SLEW, TURN_SLEW)
        speed += np.clip(target_speed - speed, -SPEED_SLEW, SPEED_SLEW)
        heading += turn
        position = position + speed[:, None] * np.stack([np.cos(heading), np.sin(heading)], axis=1)
        positions[:, tick] = position
    return positions[:, WARMUP_TICKS:]


def displacement_sequences(positions):
    """Inputs (normalised displacements 0..n-2) and targets (displacements 1..n-1, world units)."""
    displacements = np.diff(positions, axis=1)
    inputs = torch.tensor(displacements[:, :-1] / DISPLACEMENT_SCALE, dtype=torch.float32)
    targets = torch.tensor(displacements[:, 1:], dtype=torch.float32)
    return inputs, targets


def predict(rnn, inputs):
    hidden, _ = rnn(inputs)
    return hidden[..., 0:2] * DISPLACEMENT_SCALE


def error_summary(errors):
    errors = np.asarray(errors)
    return errors.mean(), np.percentile(errors, 95)


def evaluate(rnn, inputs, targets):
    """Model and constant-velocity errors after the first 16 ticks from a zero state (what RunLast computes),
    and after every later tick (what a game loop calling Step sees)."""
    with torch.no_grad():
        predicted = predict(rnn, inputs)
    model_error = (predicted - targets).norm(dim=-1).numpy()
    baseline_error = (inputs * DISPLACEMENT_SCALE - targets).norm(dim=-1).numpy()
    window = (model_error[:, TIMESTEPS - 1], baseline_error[:, TIMESTEPS - 1])
    streaming = (model_error[:, TIMESTEPS:].ravel(), baseline_error[:, TIMESTEPS:].ravel())
    return window, streaming


def save_safetensors(path, tensors):
    """Writes the safetensors format by hand: a u64 little-endian header length, a JSON header padded with
    spaces to a multiple of 8, then the raw little-endian float32 tensors back to back."""
    header, blobs, offset = {}, [], 0
    for name, tensor in tensors.items():
        data = tensor.detach().to(torch.float32).contiguous().numpy().astype("<f4").tobytes()
        header[name] = {"dtype": "F32", "shape": list(tensor.shape), "data_offsets": [offset, offset + len(data)]}
        blobs.append(data)
        offset += len(data)
    header_bytes = json.dumps(header, separators=(",", ":")).encode("utf-8")
    header_bytes += b" " * (-len(header_bytes) % 8)
    with open(path, "wb") as file:
        file.write(struct.pack("<Q", len(header_bytes)))
        file.write(header_bytes)
        for blob in blobs:
            file.write(blob)


def main():
    started = time.perf_counter()
    torch.set_num_threads(1)
    torch.manual_seed(1)
    train_inputs, train_targets = displacement_sequences(generate_paths(TRAIN_PATHS, SEQUENCE_TICKS, np.random.default_rng(1)))
    validation_inputs, validation_targets = displacement_sequences(
        generate_paths(VALIDATION_PATHS, SEQUENCE_TICKS, np.random.default_rng(2)))

    rnn = torch.nn.RNN(input_size=2, hidden_size=HIDDEN, nonlinearity="tanh", batch_first=True)
    steps = EPOCHS * (TRAIN_PATHS // BATCH)
    optimizer = torch.optim.Adam(rnn.parameters(), lr=LEARNING_RATE)
    schedule = torch.optim.lr_scheduler.OneCycleLR(optimizer, max_lr=LEARNING_RATE, total_steps=steps)
    for epoch in range(EPOCHS):
        order = torch.randperm(TRAIN_PATHS)
        for first in range(0, TRAIN_PATHS - BATCH + 1, BATCH):
            batch = order[first:first + BATCH]
            predicted = predict(rnn, train_inputs[batch])
            loss = (predicted - train_targets[batch])[:, FIRST_SCORED_TICK:].pow(2).sum(-1).mean()
            optimizer.zero_grad()
            loss.backward()
            torch.nn.utils.clip_grad_norm_(rnn.parameters(), 1.0)
            optimizer.step()
            schedule.step()
        (window_model, window_baseline), _ = evaluate(rnn, validation_inputs, validation_targets)
        print(f"epoch {epoch + 1:2d}: train loss {loss.item():.4f}, validation mean error "
              f"{window_model.mean():.4f} (baseline {window_baseline.mean():.4f})")

    print(f"\nvalidation, {VALIDATION_PATHS} held-out paths, error of the next position in world units:")
    labels = (f"last {TIMESTEPS} ticks from a zero state (RunLast)",
              f"streaming, ticks {TIMESTEPS + 1}-{SEQUENCE_TICKS - 1} (Step)")
    for label, (model_error, baseline_error) in zip(labels, evaluate(rnn, validation_inputs, validation_targets)):
        model_mean, model_p95 = error_summary(model_error)
        baseline_mean, baseline_p95 = error_summary(baseline_error)
        print(f"  {label}: model mean {model_mean:.4f}, p95 {model_p95:.4f}; "
              f"constant velocity mean {baseline_mean:.4f}, p95 {baseline_p95:.4f}; "
              f"ratio {model_mean / baseline_mean:.3f}")

    state = rnn.state_dict()
    save_safetensors(OUTPUT_PATH, {f"rnn.{name}": state[name] for name in ("weight_ih_l0", "weight_hh_l0", "bias_ih_l0", "bias_hh_l0")})
    print(f"\nwrote {os.path.normpath(OUTPUT_PATH)} ({os.path.getsize(OUTPUT_PATH)} bytes) in {time.perf_counter() - started:.0f} s")


if __name__ == "__main__":
    main()
