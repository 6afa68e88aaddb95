using System;
using System.Numerics;

namespace MotionPrediction;

/// <summary>
/// A stronger hand-written baseline: the target keeps its last change of displacement (second-order
/// extrapolation), which already follows steady curves.
/// </summary>
public static class ConstantAcceleration
{
    public static Vector2 PredictNext(ReadOnlySpan<Vector2> history)
    {
        Vector2 last = history[^1] - history[^2];
        Vector2 before = history[^2] - history[^3];
        return history[^1] + last + (last - before);
    }
}
