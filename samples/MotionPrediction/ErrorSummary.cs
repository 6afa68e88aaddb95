using System;

namespace MotionPrediction;

/// <summary>Mean and 95th percentile of prediction errors, in world units.</summary>
public readonly record struct ErrorSummary(double Mean, double P95)
{
    public static ErrorSummary Of(ReadOnlySpan<float> errors)
    {
        if (errors.IsEmpty)
        {
            throw new ArgumentException("No errors to summarise.", nameof(errors));
        }

        float[] sorted = errors.ToArray();
        Array.Sort(sorted);
        double sum = 0;
        foreach (float error in sorted)
        {
            sum += error;
        }

        // Nearest-rank percentile: the smallest error that at least 95 % of the predictions do not exceed.
        int rank = (int)Math.Ceiling(0.95 * sorted.Length) - 1;
        return new ErrorSummary(sum / sorted.Length, sorted[rank]);
    }
}
