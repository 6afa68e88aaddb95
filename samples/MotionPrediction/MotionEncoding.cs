using System;
using System.Numerics;

namespace MotionPrediction;

/// <summary>
/// How displacements enter and leave the model, exactly as training/train.py trained it: each tick's (dx, dy)
/// divided by <see cref="DisplacementScale"/> is one input, and the first two units of the state, times the same
/// scale, are the next displacement. The model has no separate output layer, so this is all the C# side adds.
/// </summary>
public static class MotionEncoding
{
    /// <summary>World units per tick that map to 1.0; DISPLACEMENT_SCALE in training/train.py.</summary>
    public const float DisplacementScale = 16f;

    /// <summary>Writes one tick's displacement as the model's input (I = 2).</summary>
    public static void WriteInput(Vector2 displacement, Span<float> input)
    {
        input[0] = displacement.X / DisplacementScale;
        input[1] = displacement.Y / DisplacementScale;
    }

    /// <summary>The next displacement the state predicts.</summary>
    public static Vector2 ReadDisplacement(ReadOnlySpan<float> state) => new Vector2(state[0], state[1]) * DisplacementScale;
}
