using System;
using System.Numerics;

namespace MotionPrediction;

/// <summary>The baseline every game starts with: the target moves again by its last displacement.</summary>
public static class ConstantVelocity
{
    public static Vector2 PredictNext(ReadOnlySpan<Vector2> history) => history[^1] + (history[^1] - history[^2]);
}
