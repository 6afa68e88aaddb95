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

    public static double MeanNanoseconds(Action call, int timedCalls)
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

        long started = Stopwatch.GetTimestamp();
        for (int i = 0; i < timedCalls; i++)
        {
            call();
        }

        return Stopwatch.GetElapsedTime(started).TotalNanoseconds / timedCalls;
    }
}
