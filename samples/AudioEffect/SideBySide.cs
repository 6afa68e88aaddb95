using System;

namespace AudioEffect;

/// <summary>The effect and the network on the same audio, sample by sample, both starting from silence.</summary>
public static class SideBySide
{
    public static SideBySideResult Run(ReadOnlySpan<float> input, TubeDrive effect, NeuralDrive network)
    {
        ArgumentNullException.ThrowIfNull(effect);
        ArgumentNullException.ThrowIfNull(network);
        var target = new float[input.Length];
        var predicted = new float[input.Length];

        // The per-sample loop is what an audio callback runs; counting the bytes it allocates shows that it allocates none.
        long allocatedBefore = GC.GetAllocatedBytesForCurrentThread();
        for (int n = 0; n < input.Length; n++)
        {
            target[n] = effect.Process(input[n]);
            predicted[n] = network.Process(input[n]);
        }

        long allocated = GC.GetAllocatedBytesForCurrentThread() - allocatedBefore;
        return new SideBySideResult(target, predicted, allocated);
    }
}

/// <summary>Both outputs, and the bytes the loop allocated.</summary>
public sealed record SideBySideResult(float[] Target, float[] Predicted, long AllocatedBytes);
