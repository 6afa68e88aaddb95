using System;
using System.Numerics;

namespace Crowd;

/// <summary>
/// The policy's output layer, Linear(32, 2): an agent's GRU state in, its acceleration out, in units of
/// <see cref="Arena.MaxAcceleration"/>. RnnGen compiles recurrent layers only; a layer this small costs 64
/// multiply-adds per agent, next to the GRU's 3,840, so plain C# over the trained constants is enough.
/// </summary>
public static class SteeringHead
{
    /// <summary>The acceleration <paramref name="state"/> asks for, in m/s², no longer than the agents can manage.</summary>
    public static Vector2 Acceleration(ReadOnlySpan<float> state)
    {
        if (state.Length != CrowdPolicy.OutputSize)
        {
            throw new ArgumentException($"Expected {CrowdPolicy.OutputSize} units, got {state.Length}.", nameof(state));
        }

        var output = new Vector2(
            SteeringHeadWeights.BiasX + Dot(SteeringHeadWeights.X, state),
            SteeringHeadWeights.BiasY + Dot(SteeringHeadWeights.Y, state));
        // The rule the policy learned never asks for more than the maximum; the network can, a little.
        float length = output.Length();
        return (length > 1f ? output / length : output) * Arena.MaxAcceleration;
    }

    private static float Dot(ReadOnlySpan<float> weights, ReadOnlySpan<float> state)
    {
        float sum = 0f;
        for (int i = 0; i < weights.Length; i++)
        {
            sum += weights[i] * state[i];
        }

        return sum;
    }
}
