#!/usr/bin/env python3
"""Trains the crowd's steering policy and writes ../crowd.safetensors and ../SteeringHeadWeights.cs.

Run with Debian's interpreter, which has PyTorch:

    /usr/bin/python3 samples/Crowd/training/train.py

The policy is one torch.nn.GRU layer (8 inputs, 32 units) and a torch.nn.Linear(32, 2) head that turns the state
into an acceleration. It learns by imitation: a hand-written steering rule (seek the target and slow down on
arrival, keep out of the nearest neighbour's personal space, turn away from walls) drives a crowd of agents with
some random jostling, so that the recorded situations include ones the rule alone would avoid, and the network
learns the rule's acceleration for each of them. The rule needs no memory; the GRU learns to act on what it
senses now. RnnGen compiles the GRU in from crowd.safetensors; it compiles recurrent layers only, so the script
also writes the head's 66 numbers as C# constants (SteeringHeadWeights.cs). The safetensors file holds the head
too (head.weight, head.bias), so it describes the whole policy on its own.
"""

import json
import os
import struct
import time

import numpy as np
import torch

# Shared with the C# sample (Arena.cs, AgentSenses.cs, CrowdWorld.cs, CrowdPolicy.cs): change them together.
HALF_SIZE = 100.0
FRAME_SECONDS = 1.0 / 60.0
MAX_SPEED = 8.0
MAX_ACCELERATION = 24.0
SENSING_RADIUS = 10.0
TARGET_REACHED_DISTANCE = 2.0
ARRIVAL_RADIUS = 10.0
INPUTS = 8
UNITS = 32
AGENTS = 1024

# The rule's own settings, which only the training data sees.
PERSONAL_SPACE = 3.0  # metres: closer neighbours are pushed away from
WALL_MARGIN = 10.0  # metres: closer walls are turned away from
PUSH = 2.0  # the separation and wall pushes at full strength, in units of the maximum acceleration

# Training data: rollouts of the whole crowd, the rule steering, with Ornstein-Uhlenbeck jostling added to what the
# agents actually do (the label stays the rule's own acceleration), at a strength that differs from agent to agent.
ROLLOUTS = 4
ROLLOUT_FRAMES = 1_800
JOSTLE = (0.0, 0.8)  # the noise's standard deviation, in units of the maximum acceleration
JOSTLE_SECONDS = 0.5  # how long a push lasts

SEQUENCE = 120  # frames per training sequence, from a zero state, as every agent starts
BATCH = 256
EPOCHS = 12
LEARNING_RATE = 1e-2
EVALUATION_FRAMES = 3_600

HERE = os.path.dirname(os.path.abspath(__file__))
WEIGHTS_PATH = os.path.join(HERE, "..", "crowd.safetensors")
HEAD_PATH = os.path.join(HERE, "..", "SteeringHeadWeights.cs")


def random_points(rng, count):
    return torch.tensor(rng.uniform(-HALF_SIZE, HALF_SIZE, size=(count, 2)), dtype=torch.float32)


def sense(position, velocity, target):
    """The 8 inputs of every agent, as AgentSenses.cs writes them: (agents, 8)."""
    to_target = target - position
    distance = to_target.norm(dim=1, keepdim=True)
    towards_target = torch.where(distance > 0, to_target / distance.clamp_min(1e-12), torch.zeros_like(to_target))
    target_signal = towards_target * (distance / ARRIVAL_RADIUS).clamp(max=1.0)

    distances = torch.cdist(position, position)
    distances.fill_diagonal_(float("inf"))
    nearest_distance, nearest = distances.min(dim=1)
    offset = position[nearest] - position
    seen = (nearest_distance < SENSING_RADIUS) & (nearest_distance > 0)
    closeness = 1.0 - nearest_distance / SENSING_RADIUS
    neighbour_signal = torch.where(seen.unsqueeze(1), offset / nearest_distance.clamp_min(1e-12).unsqueeze(1)
                                   * closeness.unsqueeze(1), torch.zeros_like(offset))

    return torch.cat([target_signal, velocity / MAX_SPEED, neighbour_signal, position / HALF_SIZE], dim=1)


def steering_rule(inputs):
    """The rule the network imitates, from the inputs alone: an acceleration in units of the maximum, length <= 1."""
    desired_velocity, velocity, neighbour, walls = inputs[:, 0:2], inputs[:, 2:4], inputs[:, 4:6], inputs[:, 6:8]
    seek = desired_velocity - velocity

    # The neighbour signal's length is 1 - distance / SENSING_RADIUS; inside personal space the push grows from 0 at
    # its edge to PUSH at contact.
    closeness = neighbour.norm(dim=1, keepdim=True)
    edge = 1.0 - PERSONAL_SPACE / SENSING_RADIUS
    intrusion = ((closeness - edge) / (1.0 - edge)).clamp(min=0.0)
    separate = -neighbour / closeness.clamp_min(1e-12) * PUSH * intrusion

    margin = WALL_MARGIN / HALF_SIZE
    avoid_walls = -torch.sign(walls) * PUSH * ((walls.abs() - (1.0 - margin)) / margin).clamp(min=0.0)

    acceleration = seek + separate + avoid_walls
    length = acceleration.norm(dim=1, keepdim=True)
    return acceleration / length.clamp(min=1.0)


class Crowd:
    """The bodies, moved as CrowdWorld.cs moves them."""

    def __init__(self, rng):
        self.rng = rng
        self.position = random_points(rng, AGENTS)
        self.velocity = torch.zeros(AGENTS, 2)
        self.target = random_points(rng, AGENTS)
        self.targets_reached = 0

    def sense(self):
        return sense(self.position, self.velocity, self.target)

    def act(self, acceleration):
        velocity = self.velocity + acceleration * MAX_ACCELERATION * FRAME_SECONDS
        speed = velocity.norm(dim=1, keepdim=True)
        velocity = velocity * (MAX_SPEED / speed.clamp(min=MAX_SPEED))
        position = self.position + velocity * FRAME_SECONDS
        over, under = position > HALF_SIZE, position < -HALF_SIZE
        position = torch.where(over, 2 * HALF_SIZE - position, torch.where(under, -2 * HALF_SIZE - position, position))
        velocity = torch.where(over | under, -velocity, velocity)
        self.position, self.velocity = position, velocity

        reached = (self.position - self.target).norm(dim=1) < TARGET_REACHED_DISTANCE
        count = int(reached.sum())
        if count:
            self.target[reached] = random_points(self.rng, count)
            self.targets_reached += count


def record_rollouts(rng):
    """Inputs (sequences, SEQUENCE, 8) and the rule's accelerations (sequences, SEQUENCE, 2)."""
    inputs, labels = [], []
    decay = float(np.exp(-FRAME_SECONDS / JOSTLE_SECONDS))
    for _ in range(ROLLOUTS):
        crowd = Crowd(rng)
        strength = torch.tensor(rng.uniform(*JOSTLE, size=(AGENTS, 1)), dtype=torch.float32)
        jostle = torch.zeros(AGENTS, 2)
        frames_in, frames_out = [], []
        for _ in range(ROLLOUT_FRAMES):
            sensed = crowd.sense()
            wanted = steering_rule(sensed)
            frames_in.append(sensed)
            frames_out.append(wanted)
            noise = torch.tensor(rng.standard_normal((AGENTS, 2)), dtype=torch.float32)
            jostle = decay * jostle + np.sqrt(1 - decay * decay) * strength * noise
            done = wanted + jostle
            crowd.act(done / done.norm(dim=1, keepdim=True).clamp(min=1.0))
        # (frames, agents, 8) -> (agents, frames, 8), then cut each agent's run into sequences.
        rollout_in = torch.stack(frames_in, dim=1)
        rollout_out = torch.stack(frames_out, dim=1)
        usable = ROLLOUT_FRAMES // SEQUENCE * SEQUENCE
        inputs.append(rollout_in[:, :usable].reshape(-1, SEQUENCE, INPUTS))
        labels.append(rollout_out[:, :usable].reshape(-1, SEQUENCE, 2))
    return torch.cat(inputs), torch.cat(labels)


class Policy(torch.nn.Module):
    def __init__(self):
        super().__init__()
        self.gru = torch.nn.GRU(input_size=INPUTS, hidden_size=UNITS, batch_first=True)
        self.head = torch.nn.Linear(UNITS, 2)

    def forward(self, inputs, state=None):
        states, state = self.gru(inputs, state)
        return self.head(states), state


def closed_loop(steer, seed):
    """Targets reached by a crowd of AGENTS in EVALUATION_FRAMES frames with `steer` choosing every acceleration."""
    crowd = Crowd(np.random.default_rng(seed))
    with torch.no_grad():
        for _ in range(EVALUATION_FRAMES):
            acceleration = steer(crowd.sense())
            crowd.act(acceleration / acceleration.norm(dim=1, keepdim=True).clamp(min=1.0))
    return crowd.targets_reached


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
    weight = head.weight.detach().numpy()
    bias = head.bias.detach().numpy()
    rows = [", ".join(float_literal(w) for w in row) for row in weight]
    with open(path, "w", encoding="utf-8") as file:
        file.write(f"""// Written by training/train.py with crowd.safetensors, from the same trained policy: retraining rewrites both.
using System;

namespace Crowd;

/// <summary>The trained weights of <see cref="SteeringHead"/>: head.weight and head.bias in crowd.safetensors.</summary>
public static class SteeringHeadWeights
{{
    public const float BiasX = {float_literal(bias[0])};

    public const float BiasY = {float_literal(bias[1])};

    /// <summary>The x acceleration's weights of the {UNITS} units, row 0 of head.weight.</summary>
    public static ReadOnlySpan<float> X => [{rows[0]}];

    /// <summary>The y acceleration's weights of the {UNITS} units, row 1 of head.weight.</summary>
    public static ReadOnlySpan<float> Y => [{rows[1]}];
}}
""")


def main():
    started = time.perf_counter()
    torch.set_num_threads(1)
    torch.manual_seed(1)
    inputs, labels = record_rollouts(np.random.default_rng(1))
    count = inputs.shape[0]
    validation = count // 10
    order = torch.randperm(count)
    train_in, train_out = inputs[order[validation:]], labels[order[validation:]]
    validation_in, validation_out = inputs[order[:validation]], labels[order[:validation]]
    print(f"recorded {count * SEQUENCE:,} frames of agents in {time.perf_counter() - started:.0f} s")

    model = Policy()
    steps = EPOCHS * (train_in.shape[0] // BATCH)
    optimizer = torch.optim.Adam(model.parameters(), lr=LEARNING_RATE)
    schedule = torch.optim.lr_scheduler.OneCycleLR(optimizer, max_lr=LEARNING_RATE, total_steps=steps)
    for epoch in range(EPOCHS):
        shuffle = torch.randperm(train_in.shape[0])
        for first in range(0, train_in.shape[0] - BATCH + 1, BATCH):
            batch = shuffle[first:first + BATCH]
            predicted, _ = model(train_in[batch])
            loss = (predicted - train_out[batch]).pow(2).mean()
            optimizer.zero_grad()
            loss.backward()
            torch.nn.utils.clip_grad_norm_(model.parameters(), 1.0)
            optimizer.step()
            schedule.step()
        with torch.no_grad():
            validation_loss = (model(validation_in)[0] - validation_out).pow(2).mean().item()
        print(f"epoch {epoch + 1}: train loss {loss.item():.5f}, validation RMS error "
              f"{validation_loss ** 0.5:.4f} of the maximum acceleration ({time.perf_counter() - started:.0f} s)")

    state = None

    def network(sensed):
        nonlocal state
        output, state = model(sensed.unsqueeze(1), state)
        return output.squeeze(1)

    reached_by_rule = closed_loop(steering_rule, seed=2)
    reached_by_network = closed_loop(network, seed=2)
    print(f"\n{AGENTS} agents, {EVALUATION_FRAMES // 60} s, targets reached: rule {reached_by_rule}, "
          f"network {reached_by_network}")

    gru_state = model.gru.state_dict()
    tensors = {f"gru.{name}": gru_state[name] for name in ("weight_ih_l0", "weight_hh_l0", "bias_ih_l0", "bias_hh_l0")}
    tensors.update({"head.weight": model.head.weight, "head.bias": model.head.bias})
    save_safetensors(WEIGHTS_PATH, tensors)
    save_head(HEAD_PATH, model.head)
    print(f"\nwrote {os.path.normpath(WEIGHTS_PATH)} ({os.path.getsize(WEIGHTS_PATH)} bytes) and "
          f"{os.path.normpath(HEAD_PATH)} in {time.perf_counter() - started:.0f} s")


if __name__ == "__main__":
    main()
