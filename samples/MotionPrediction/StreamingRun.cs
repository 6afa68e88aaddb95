using System;
using System.Collections.Generic;
using System.Numerics;

namespace MotionPrediction;

/// <summary>One path played tick by tick, as a game loop would, with <see cref="StreamingPredictor"/>.</summary>
public static class StreamingRun
{
    /// <summary>Predictions before this tick are left out of the summary: the model has not seen 16 ticks yet.</summary>
    public const int FirstScoredTick = MotionPredictor.Timesteps;

    public static StreamingResult Run(StreamingPredictor predictor, Vector2[] path, int sampleEvery)
    {
        ArgumentNullException.ThrowIfNull(predictor);
        ArgumentNullException.ThrowIfNull(path);
        var modelErrors = new List<float>();
        var baselineErrors = new List<float>();
        var samples = new List<StreamingSample>();
        for (int tick = 0; tick < path.Length - 1; tick++)
        {
            Vector2 predicted = predictor.Observe(path[tick]);
            if (tick < FirstScoredTick)
            {
                continue;
            }

            Vector2 actual = path[tick + 1];
            Vector2 baseline = ConstantVelocity.PredictNext(path.AsSpan(tick - 1, 2));
            modelErrors.Add(Vector2.Distance(predicted, actual));
            baselineErrors.Add(Vector2.Distance(baseline, actual));
            if (tick % sampleEvery == 0)
            {
                samples.Add(new StreamingSample(tick, actual, predicted, baseline));
            }
        }

        return new StreamingResult(ErrorSummary.Of(modelErrors.ToArray()), ErrorSummary.Of(baselineErrors.ToArray()), samples);
    }
}

/// <summary>One tick of the stream: where the target went, and where each predictor said it would go.</summary>
public readonly record struct StreamingSample(int Tick, Vector2 Actual, Vector2 Model, Vector2 Baseline);

/// <summary>Errors over the scored ticks, and a few ticks to show.</summary>
public sealed record StreamingResult(ErrorSummary Model, ErrorSummary Baseline, IReadOnlyList<StreamingSample> Samples);
