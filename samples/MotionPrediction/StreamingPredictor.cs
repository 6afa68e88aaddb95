using System;
using System.Numerics;

namespace MotionPrediction;

/// <summary>
/// Game-loop use: one <c>Step</c> per tick carries the whole path in the state, so each prediction costs one
/// timestep instead of sixteen. Training scored every tick of longer sequences, which keeps the state valid
/// however long the stream runs. One instance per target; not thread-safe.
/// </summary>
public sealed class StreamingPredictor
{
    private readonly MotionPredictor model;
    private readonly float[] state = new float[MotionPredictor.OutputSize];
    private Vector2? lastPosition;

    public StreamingPredictor(MotionPredictor model)
    {
        ArgumentNullException.ThrowIfNull(model);
        this.model = model;
    }

    /// <summary>
    /// Takes this tick's position and returns the predicted position for the next tick. The first call has no
    /// motion to go on and predicts that the target stays put; predictions settle after about eight ticks.
    /// </summary>
    public Vector2 Observe(Vector2 position)
    {
        if (lastPosition is not Vector2 previous)
        {
            lastPosition = position;
            return position;
        }

        Span<float> input = stackalloc float[MotionPredictor.InputSize];
        MotionEncoding.WriteInput(position - previous, input);
        model.Step(input, state);
        lastPosition = position;
        return position + MotionEncoding.ReadDisplacement(state);
    }

    /// <summary>Forgets the path, for a target that respawns or teleports.</summary>
    public void Reset()
    {
        Array.Clear(state);
        lastPosition = null;
    }
}
