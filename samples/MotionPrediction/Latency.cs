using System;
using System.Diagnostics;

namespace MotionPrediction;

/// <summary>Mean wall time of a call, measured over many calls once tiered compilation has settled.</summary>
public static class Latency
{
    /// <summary>
    /// Long enough for the runtime to notice the hot methods (it waits 100 ms after start-up activity) and
    /// recompile them fully optimised in the background; a fixed count of warm-up calls can finish before that.
    /// </summary>
    private static readonly TimeSpan WarmupTime = TimeSpan.FromSeconds(1);

    /// <summary>
    /// The median over <paramref name="batches"/> batches of each batch's mean: other processes only ever add
    /// time, and the median leaves out the batches they hit hardest.
    /// </summary>
    public static double MeanNanoseconds(Action call, int batches, int callsPerBatch)
    {
        ArgumentNullException.ThrowIfNull(call);
        long warmupStarted = Stopwatch.GetTimestamp();
        while (Stopwatch.GetElapsedTime(warmupStarted) < WarmupTime)
        {
            for (int i = 0; i < 1000; i++)
            {
                call();
            }
        }

        var batchMeans = new double[batches];
        for (int batch = 0; batch < batches; batch++)
        {
            long started = Stopwatch.GetTimestamp();
            for (int i = 0; i < callsPerBatch; i++)
            {
                call();
            }

            batchMeans[batch] = Stopwatch.GetElapsedTime(started).TotalNanoseconds / callsPerBatch;
        }

        Array.Sort(batchMeans);
        return batchMeans[batches / 2];
    }
}
