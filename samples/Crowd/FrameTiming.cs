using System;
using System.Diagnostics;

namespace Crowd;

/// <summary>
/// The policy step alone (the median and the fastest frame), the whole frame around it (the median), and the bytes
/// allocated per frame.
/// </summary>
public readonly record struct FrameTimes(double PolicyMilliseconds, double FastestPolicyMilliseconds, double FrameMilliseconds, double AllocatedBytesPerFrame);

/// <summary>Runs one crowd per way of stepping the policy, frame after frame, and times them.</summary>
public static class FrameTiming
{
    /// <summary>
    /// Long enough for the runtime to notice the hot methods (it waits 100 ms after start-up activity) and
    /// recompile them fully optimised in the background; a fixed count of warm-up frames can finish before that.
    /// </summary>
    private static readonly TimeSpan WarmupTime = TimeSpan.FromSeconds(1);

    /// <summary>
    /// The crowds take turns, one frame each, so that all of them run under the same load from other processes;
    /// measured one after another, a busy spell would land on one way of stepping only. Other processes only ever
    /// add time, and the medians leave out the frames they hit; the fastest frame is one they left alone.
    /// </summary>
    public static FrameTimes[] Measure(SimulatedCrowd[] crowds, int frames)
    {
        ArgumentNullException.ThrowIfNull(crowds);
        long warmupStarted = Stopwatch.GetTimestamp();
        while (Stopwatch.GetElapsedTime(warmupStarted) < WarmupTime)
        {
            foreach (SimulatedCrowd crowd in crowds)
            {
                crowd.RunFrame();
            }
        }

        var policyTicks = new long[crowds.Length][];
        var frameTicks = new long[crowds.Length][];
        for (int c = 0; c < crowds.Length; c++)
        {
            policyTicks[c] = new long[frames];
            frameTicks[c] = new long[frames];
        }

        for (int frame = 0; frame < frames; frame++)
        {
            for (int c = 0; c < crowds.Length; c++)
            {
                (policyTicks[c][frame], frameTicks[c][frame]) = crowds[c].RunFrame();
            }
        }

        var times = new FrameTimes[crowds.Length];
        for (int c = 0; c < crowds.Length; c++)
        {
            Array.Sort(policyTicks[c]);
            Array.Sort(frameTicks[c]);
            times[c] = new FrameTimes(
                PolicyMilliseconds: Milliseconds(policyTicks[c][frames / 2]),
                FastestPolicyMilliseconds: Milliseconds(policyTicks[c][0]),
                FrameMilliseconds: Milliseconds(frameTicks[c][frames / 2]),
                AllocatedBytesPerFrame: AllocatedBytesPerFrame(crowds[c], frames));
        }

        return times;
    }

    /// <summary>Counted on every thread, so that what the thread pool allocates for a frame is included.</summary>
    private static double AllocatedBytesPerFrame(SimulatedCrowd crowd, int frames)
    {
        long allocatedBefore = GC.GetTotalAllocatedBytes(precise: true);
        for (int frame = 0; frame < frames; frame++)
        {
            crowd.RunFrame();
        }

        return (double)(GC.GetTotalAllocatedBytes(precise: true) - allocatedBefore) / frames;
    }

    private static double Milliseconds(long ticks) => (double)ticks * 1000 / Stopwatch.Frequency;
}
