using System;
using System.Diagnostics;

namespace AudioEffect;

/// <summary>Processes a block of audio: what an audio callback does with each buffer it is handed.</summary>
public delegate void BlockProcessor(ReadOnlySpan<float> input, Span<float> output);

/// <summary>Time per sample when audio arrives in blocks, measured once tiered compilation has settled.</summary>
public static class Latency
{
    /// <summary>
    /// Long enough for the runtime to notice the hot methods (it waits 100 ms after start-up activity) and
    /// recompile them fully optimised in the background; a fixed count of warm-up calls can finish before that.
    /// </summary>
    private static readonly TimeSpan WarmupTime = TimeSpan.FromSeconds(1);

    /// <summary>
    /// The median over every block of <paramref name="passes"/> passes through <paramref name="audio"/> of the
    /// block's time per sample: other processes only ever add time, and the median leaves out the blocks they hit.
    /// </summary>
    public static double NanosecondsPerSample(BlockProcessor process, ReadOnlySpan<float> audio, int blockSamples, int passes)
    {
        ArgumentNullException.ThrowIfNull(process);
        int blocksPerPass = audio.Length / blockSamples;
        var output = new float[blockSamples];
        long warmupStarted = Stopwatch.GetTimestamp();
        for (int block = 0; Stopwatch.GetElapsedTime(warmupStarted) < WarmupTime; block = (block + 1) % blocksPerPass)
        {
            process(audio.Slice(block * blockSamples, blockSamples), output);
        }

        var nanosecondsPerSample = new double[passes * blocksPerPass];
        for (int pass = 0; pass < passes; pass++)
        {
            for (int block = 0; block < blocksPerPass; block++)
            {
                long started = Stopwatch.GetTimestamp();
                process(audio.Slice(block * blockSamples, blockSamples), output);
                nanosecondsPerSample[(pass * blocksPerPass) + block] = Stopwatch.GetElapsedTime(started).TotalNanoseconds / blockSamples;
            }
        }

        Array.Sort(nanosecondsPerSample);
        return nanosecondsPerSample[nanosecondsPerSample.Length / 2];
    }
}
