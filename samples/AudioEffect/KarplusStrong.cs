using System;

namespace AudioEffect;

/// <summary>
/// A plucked string by the Karplus–Strong algorithm: a delay line one period long, filled with noise, that loses a
/// little of its treble on every pass, as a real string does. Training's plucks are sums of decaying sines instead,
/// so these are new to the network.
/// </summary>
public static class KarplusStrong
{
    /// <summary>Loss per period: the string rings for a few seconds at guitar pitches.</summary>
    private const float Decay = 0.996f;

    /// <summary>Adds one pluck of a string tuned to <paramref name="frequency"/> Hz to all of <paramref name="output"/>.</summary>
    public static void AddPluck(Span<float> output, double frequency, float level, Random random)
    {
        ArgumentNullException.ThrowIfNull(random);
        int period = (int)Math.Round(AudioFormat.SampleRate / frequency);
        var line = new float[period];
        for (int i = 0; i < period; i++)
        {
            line[i] = level * ((random.NextSingle() * 2) - 1);
        }

        int position = 0;
        for (int n = 0; n < output.Length; n++)
        {
            int next = position + 1 == period ? 0 : position + 1;
            float value = line[position];
            output[n] += value;
            // The average of two neighbours is a gentle low-pass, so the high harmonics die first.
            line[position] = Decay * 0.5f * (value + line[next]);
            position = next;
        }
    }
}
