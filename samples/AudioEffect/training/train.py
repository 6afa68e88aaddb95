#!/usr/bin/env python3
"""Trains the neural drive and writes ../drive.safetensors and ../OutputHeadWeights.cs.

Run with Debian's interpreter, which has PyTorch:

    /usr/bin/python3 samples/AudioEffect/training/train.py

The model is one torch.nn.LSTM layer (1 input, 16 units) and a torch.nn.Linear(17, 1) head over the hidden state
and the input sample, run once per sample of 48 kHz audio. The input in the head is a skip connection: the drive
is close to a plain gain for quiet input, and the head gets that part directly, leaving the LSTM the nonlinear
rest. RnnGen compiles the LSTM in from drive.safetensors; it compiles recurrent layers only, so the script also
writes the head's 18 numbers as C# constants (OutputHeadWeights.cs). The safetensors file holds the head too
(head.weight, head.bias), so it describes the whole model on its own.
"""

import json
import math
import os
import struct
import time

import numpy as np
import torch

# Shared with the C# sample (DriveModel.cs, TubeDrive.cs): change them together.
SAMPLE_RATE = 48_000
HIDDEN = 16

# The target effect, as in TubeDrive.cs: a one-pole tone filter, an envelope follower that turns the drive down
# as the input gets louder, and a tanh with a bias, which clips the two half-waves differently.
TONE_HZ = 5_000.0
ATTACK_MS = 2.0
RELEASE_MS = 25.0
DRIVE = 6.0
COMPRESSION = 4.0
BIAS = 0.3
OUTPUT_GAIN = 0.7  # keeps the negative peaks, 0.7 * (1 + tanh(0.3)), below full scale

# Training sound: one-second clips, each a run of short events (sines, sweeps, noise bursts, plucks, two-tone
# chords, silence) at levels from -40 to 0 dBFS, so that the envelope follower sees attacks and releases of
# every size.
CLIP_SAMPLES = SAMPLE_RATE
TRAIN_CLIPS = 192
VALIDATION_CLIPS = 32
EVENT_MS = (30, 400)
LEVEL_DB = (-40.0, 0.0)

# Truncated backpropagation through time: the state runs on through the whole clip (so the network learns to
# carry the slow envelope for as long as audio flows), gradients flow back over one chunk, and the first chunk
# only warms the state up, as the effect's own state starts from silence.
BATCH = 64
CHUNK = 512
WARMUP_SAMPLES = 2_048
EPOCHS = 3
LEARNING_RATE = 3e-2

# Adam moves each weight by about the learning rate per step, and the input weights must grow several times larger
# than the recurrent ones (the drive multiplies quiet input by six): training feeds the LSTM the input times
# INPUT_GAIN, which gets there in far fewer steps. The gain is folded into weight_ih_l0 when it is saved, so the
# saved layer takes the plain sample.
INPUT_GAIN = 4.0

# The envelope follower forgets over 25 ms, 1,200 samples, which an LSTM unit matches with a forget gate near
# 1 - 1/1200. PyTorch starts every forget gate near 0.5, a memory of two samples, and training takes many steps to
# find the slow ones. Starting the units with time constants spread evenly in log from 1 sample to 100 ms instead
# ("chrono" initialisation: forget bias log(tau), input bias -log(tau)) took the validation error of a two-epoch
# run from -24 dB to -31 dB.
LONGEST_TIME_CONSTANT = SAMPLE_RATE // 10

HERE = os.path.dirname(os.path.abspath(__file__))
WEIGHTS_PATH = os.path.join(HERE, "..", "drive.safetensors")
HEAD_PATH = os.path.join(HERE, "..", "OutputHeadWeights.cs")


def one_pole_coefficient(time_ms):
    """The smoothing coefficient of a one-pole follower that covers 63 % of a step in time_ms."""
    return 1.0 - math.exp(-1000.0 / (time_ms * SAMPLE_RATE))


def tube_drive(audio):
    """The target effect on clips (count, samples), sample by sample, in float64 like TubeDrive.cs."""
    tone_coefficient = 1.0 - math.exp(-2.0 * math.pi * TONE_HZ / SAMPLE_RATE)
    attack, release = one_pole_coefficient(ATTACK_MS), one_pole_coefficient(RELEASE_MS)
    tone = np.zeros(audio.shape[0])
    envelope = np.zeros(audio.shape[0])
    output = np.empty_like(audio)
    offset = math.tanh(BIAS)
    for n in range(audio.shape[1]):
        x = audio[:, n]
        tone += tone_coefficient * (x - tone)
        level = np.abs(x)
        envelope += np.where(level > envelope, attack, release) * (level - envelope)
        drive = DRIVE / (1.0 + COMPRESSION * envelope)
        output[:, n] = OUTPUT_GAIN * (np.tanh(drive * tone + BIAS) - offset)
    return output


def fade(length, fade_samples):
    """1 in the middle, with linear ramps at both ends, so that events start and stop without clicks."""
    ramp = np.ones(length)
    fade_samples = min(fade_samples, length // 2)
    if fade_samples > 0:
        ramp[:fade_samples] = np.linspace(0.0, 1.0, fade_samples, endpoint=False)
        ramp[-fade_samples:] = np.linspace(1.0, 0.0, fade_samples, endpoint=False)
    return ramp


def log_uniform(rng, low, high):
    return math.exp(rng.uniform(math.log(low), math.log(high)))


def event(rng, length):
    """One sound event of peak level about 1, of a randomly chosen kind."""
    t = np.arange(length) / SAMPLE_RATE
    kind = rng.integers(6)
    if kind == 0:  # a steady sine
        return np.sin(2 * math.pi * log_uniform(rng, 40, 4_000) * t + rng.uniform(0, 2 * math.pi)) * fade(length, 96)
    if kind == 1:  # an exponential sweep between two random frequencies
        start, end = log_uniform(rng, 40, 8_000), log_uniform(rng, 40, 8_000)
        duration = length / SAMPLE_RATE
        rate = math.log(end / start) / duration
        phase = 2 * math.pi * start * (np.expm1(rate * t) / rate if abs(rate) > 1e-9 else t)
        return np.sin(phase) * fade(length, 96)
    if kind == 2:  # a burst of low-passed noise
        coefficient = 1.0 - math.exp(-2 * math.pi * log_uniform(rng, 200, 20_000) / SAMPLE_RATE)
        noise = rng.standard_normal(length)
        filtered = np.empty(length)
        state = 0.0
        for n in range(length):
            state += coefficient * (noise[n] - state)
            filtered[n] = state
        return filtered / (np.abs(filtered).max() + 1e-12) * fade(length, 48)
    if kind == 3:  # a pluck: harmonics that die away, the higher ones faster
        fundamental = log_uniform(rng, 60, 1_000)
        decay = log_uniform(rng, 0.05, 1.0)
        sound = np.zeros(length)
        for harmonic in range(1, 9):
            if harmonic * fundamental < SAMPLE_RATE / 2:
                sound += np.sin(2 * math.pi * harmonic * fundamental * t) * np.exp(-t * harmonic / decay) / harmonic
        return sound / (np.abs(sound).max() + 1e-12) * fade(length, 24)
    if kind == 4:  # two tones at once, which the saturation mixes
        first, second = log_uniform(rng, 60, 2_000), log_uniform(rng, 60, 2_000)
        return 0.5 * (np.sin(2 * math.pi * first * t) + np.sin(2 * math.pi * second * t)) * fade(length, 96)
    return np.zeros(length)  # silence, so that the envelope releases fully


def generate_clips(count, rng):
    """Clips (count, CLIP_SAMPLES) of events back to back, each at its own level."""
    clips = np.zeros((count, CLIP_SAMPLES))
    for clip in clips:
        position = 0
        while position < CLIP_SAMPLES:
            length = min(int(rng.uniform(*EVENT_MS) * SAMPLE_RATE / 1000), CLIP_SAMPLES - position)
            level = 10 ** (rng.uniform(*LEVEL_DB) / 20)
            clip[position:position + length] = level * event(rng, length)
            position += length
    return clips


class NeuralDrive(torch.nn.Module):
    def __init__(self):
        super().__init__()
        self.lstm = torch.nn.LSTM(input_size=1, hidden_size=HIDDEN, batch_first=True)
        self.head = torch.nn.Linear(HIDDEN + 1, 1)
        spread_time_constants(self.lstm)

    def forward(self, audio, state=None):
        sample = audio.unsqueeze(-1)
        hidden, state = self.lstm(sample * INPUT_GAIN, state)
        return self.head(torch.cat([hidden, sample], dim=-1)).squeeze(-1), state


def spread_time_constants(lstm):
    """Sets the input and forget gate biases (PyTorch gate order i, f, g, o) so that unit k starts out remembering
    for about tau_k samples, the tau_k spaced evenly in log from 1 to LONGEST_TIME_CONSTANT."""
    tau = torch.exp(torch.linspace(0.0, math.log(LONGEST_TIME_CONSTANT), HIDDEN))
    with torch.no_grad():
        lstm.bias_ih_l0[:HIDDEN] = -torch.log(tau)
        lstm.bias_ih_l0[HIDDEN:2 * HIDDEN] = torch.log(tau)
        lstm.bias_hh_l0[:2 * HIDDEN] = 0.0


def run_clips(model, audio):
    """The model over whole clips, chunk by chunk, without gradients."""
    outputs, state = [], None
    with torch.no_grad():
        for first in range(0, audio.shape[1], 4 * CHUNK):
            output, state = model(audio[:, first:first + 4 * CHUNK], state)
            outputs.append(output)
    return torch.cat(outputs, dim=1)


def error_report(predicted, target):
    """RMS error and its ratio to the target's RMS, after the warm-up, as the C# sample prints them."""
    error = (predicted - target)[:, WARMUP_SAMPLES:].double()
    rms_error = error.pow(2).mean().sqrt().item()
    rms_target = target[:, WARMUP_SAMPLES:].double().pow(2).mean().sqrt().item()
    return rms_error, rms_target, 20 * math.log10(rms_error / rms_target)


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


def float_literal(value):
    """A C# float literal that reads back as exactly this float32 (numpy prints the shortest such digits)."""
    return f"{np.float32(value)!r}".replace("np.float32(", "").rstrip(")") + "f"


def save_head(path, head):
    weights = head.weight.detach().numpy().ravel()
    hidden_weights = ", ".join(float_literal(w) for w in weights[:HIDDEN])
    with open(path, "w", encoding="utf-8") as file:
        file.write(f"""// Written by training/train.py with drive.safetensors, from the same trained model: retraining rewrites both.
using System;

namespace AudioEffect;

/// <summary>The trained weights of <see cref="OutputHead"/>: head.weight and head.bias in drive.safetensors.</summary>
public static class OutputHeadWeights
{{
    public const float Bias = {float_literal(head.bias.detach().numpy()[0])};

    /// <summary>The weight of the input sample, the last of head.weight.</summary>
    public const float Input = {float_literal(weights[HIDDEN])};

    /// <summary>The weights of the {HIDDEN} hidden units, the first of head.weight.</summary>
    public static ReadOnlySpan<float> Hidden => [{hidden_weights}];
}}
""")


def main():
    started = time.perf_counter()
    torch.set_num_threads(1)
    torch.manual_seed(1)
    train_audio = generate_clips(TRAIN_CLIPS, np.random.default_rng(1))
    validation_audio = generate_clips(VALIDATION_CLIPS, np.random.default_rng(2))
    train_input = torch.tensor(train_audio, dtype=torch.float32)
    train_target = torch.tensor(tube_drive(train_audio), dtype=torch.float32)
    validation_input = torch.tensor(validation_audio, dtype=torch.float32)
    validation_target = torch.tensor(tube_drive(validation_audio), dtype=torch.float32)
    print(f"generated {TRAIN_CLIPS + VALIDATION_CLIPS} s of audio in {time.perf_counter() - started:.0f} s")

    model = NeuralDrive()
    chunks_per_clip = (CLIP_SAMPLES - WARMUP_SAMPLES) // CHUNK
    steps = EPOCHS * (TRAIN_CLIPS // BATCH) * chunks_per_clip
    optimizer = torch.optim.Adam(model.parameters(), lr=LEARNING_RATE)
    schedule = torch.optim.lr_scheduler.OneCycleLR(optimizer, max_lr=LEARNING_RATE, total_steps=steps)
    for epoch in range(EPOCHS):
        order = torch.randperm(TRAIN_CLIPS)
        for first in range(0, TRAIN_CLIPS - BATCH + 1, BATCH):
            batch = order[first:first + BATCH]
            audio, target = train_input[batch], train_target[batch]
            with torch.no_grad():
                _, state = model(audio[:, :WARMUP_SAMPLES])
            for chunk in range(chunks_per_clip):
                begin = WARMUP_SAMPLES + chunk * CHUNK
                predicted, state = model(audio[:, begin:begin + CHUNK], state)
                state = tuple(s.detach() for s in state)
                # The error-to-signal ratio: normalised by the chunk's energy, so that the loss, and with it the
                # size of a step, does not swing with how loud the clips in the batch happen to be.
                expected = target[:, begin:begin + CHUNK]
                loss = (predicted - expected).pow(2).mean() / (expected.pow(2).mean() + 1e-6)
                optimizer.zero_grad()
                loss.backward()
                torch.nn.utils.clip_grad_norm_(model.parameters(), 1.0)
                optimizer.step()
                schedule.step()
        _, _, relative_db = error_report(run_clips(model, validation_input), validation_target)
        print(f"epoch {epoch + 1}: last train loss {loss.item():.5f}, validation error {relative_db:.1f} dB "
              f"({time.perf_counter() - started:.0f} s)")

    print()
    # The first 32 training clips stand for all of them: running the whole set would take as long as an epoch.
    for label, audio, target in (("training", train_input[:VALIDATION_CLIPS], train_target[:VALIDATION_CLIPS]),
                                 ("validation", validation_input, validation_target)):
        rms_error, rms_target, relative_db = error_report(run_clips(model, audio), target)
        print(f"{label:10s} {audio.shape[0]:3d} s: RMS error {rms_error:.5f}, target RMS {rms_target:.4f}, "
              f"relative {relative_db:.1f} dB")

    lstm_state = model.lstm.state_dict()
    tensors = {"lstm.weight_ih_l0": lstm_state["weight_ih_l0"] * INPUT_GAIN}  # the layer then takes the plain sample
    tensors.update({f"lstm.{name}": lstm_state[name] for name in ("weight_hh_l0", "bias_ih_l0", "bias_hh_l0")})
    tensors.update({"head.weight": model.head.weight, "head.bias": model.head.bias})
    save_safetensors(WEIGHTS_PATH, tensors)
    save_head(HEAD_PATH, model.head)
    print(f"\nwrote {os.path.normpath(WEIGHTS_PATH)} ({os.path.getsize(WEIGHTS_PATH)} bytes) and "
          f"{os.path.normpath(HEAD_PATH)} in {time.perf_counter() - started:.0f} s")


if __name__ == "__main__":
    main()
