using System;
using System.Numerics;

namespace MotionPrediction;

/// <summary>The model against the constant-velocity and constant-acceleration baselines on fresh paths, one prediction per path.</summary>
public static class HeldOutEvaluation
{
    public static HeldOutResult Run(NextPositionPredictor predictor, Trajectories trajectories, int pathCount)
    {
        ArgumentNullException.ThrowIfNull(predictor);
        ArgumentNullException.ThrowIfNull(trajectories);
        var modelErrors = new float[pathCount];
        var baselineErrors = new float[pathCount];
        var secondOrderErrors = new float[pathCount];
        double distanceMoved = 0;
        for (int i = 0; i < pathCount; i++)
        {
            // The history, then the position both predictors must hit.
            Vector2[] path = trajectories.Next(NextPositionPredictor.HistoryLength);
            ReadOnlySpan<Vector2> history = path.AsSpan(0, NextPositionPredictor.HistoryLength);
            Vector2 actual = path[^1];
            modelErrors[i] = Vector2.Distance(predictor.PredictNext(history), actual);
            baselineErrors[i] = Vector2.Distance(ConstantVelocity.PredictNext(history), actual);
            secondOrderErrors[i] = Vector2.Distance(ConstantAcceleration.PredictNext(history), actual);
            distanceMoved += Vector2.Distance(history[^1], actual);
        }

        return new HeldOutResult(ErrorSummary.Of(modelErrors), ErrorSummary.Of(baselineErrors), ErrorSummary.Of(secondOrderErrors), distanceMoved / pathCount);
    }
}

/// <summary>Errors of the model and of both baselines, and how far the target moved in the predicted tick, for scale.</summary>
public readonly record struct HeldOutResult(ErrorSummary Model, ErrorSummary Baseline, ErrorSummary SecondOrder, double MeanDistanceMoved);
