using System;
using System.Numerics;

namespace MotionPrediction;

/// <summary>
/// Predicts the next position from the last <see cref="HistoryLength"/> positions with one <c>RunLast</c> from a
/// zero state: stateless, so one instance can serve any number of targets and threads.
/// </summary>
public sealed class NextPositionPredictor
{
    /// <summary>Positions needed: 16 displacements take 17 positions.</summary>
    public const int HistoryLength = MotionPredictor.Timesteps + 1;

    private readonly MotionPredictor model;

    public NextPositionPredictor(MotionPredictor model)
    {
        ArgumentNullException.ThrowIfNull(model);
        this.model = model;
    }

    /// <summary>The position one tick after the last of <paramref name="history"/> (oldest first).</summary>
    public Vector2 PredictNext(ReadOnlySpan<Vector2> history)
    {
        if (history.Length != HistoryLength)
        {
            throw new ArgumentException($"Expected {HistoryLength} positions, got {history.Length}.", nameof(history));
        }

        Span<float> inputs = stackalloc float[MotionPredictor.Timesteps * MotionPredictor.InputSize];
        for (int t = 0; t < MotionPredictor.Timesteps; t++)
        {
            MotionEncoding.WriteInput(history[t + 1] - history[t], inputs.Slice(t * MotionPredictor.InputSize, MotionPredictor.InputSize));
        }

        // stackalloc zeroes the buffer: the zero initial state the model was trained from.
        Span<float> state = stackalloc float[MotionPredictor.OutputSize];
        model.RunLast(inputs, state);
        return history[^1] + MotionEncoding.ReadDisplacement(state);
    }
}
