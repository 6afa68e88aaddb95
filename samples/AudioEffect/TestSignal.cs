using System;

namespace AudioEffect;

/// <summary>
/// Five seconds of test audio, made in C# and never seen in training: three seconds of plucked strings, a
/// let-ring arpeggio that grows from very soft to loud, then a two-second sweep from 40 Hz to 8 kHz that rises
/// from -30 dBFS to -3 dBFS.
/// </summary>
public static class TestSignal
{
    public const int PluckSamples = 3 * AudioFormat.SampleRate;
    public const int SweepSamples = 2 * AudioFormat.SampleRate;
    public const int Length = PluckSamples + SweepSamples;

    /// <summary>E minor, then A minor, one note every quarter of a second, as on a guitar's low strings.</summary>
    private static readonly double[] NoteHz = [82.41, 123.47, 164.81, 196.00, 246.94, 329.63, 110.00, 164.81, 220.00, 261.63, 329.63, 440.00];

    private const int NoteSpacing = AudioFormat.SampleRate / 4;
    private const float SoftestPluck = 0.03f;
    private const float LoudestPluck = 0.5f;
    private const float PluckPeak = 0.9f;

    private const double SweepStartHz = 40;
    private const double SweepEndHz = 8_000;
    private const double SweepStartDb = -30;
    private const double SweepEndDb = -3;

    public static float[] Create(int seed)
    {
        var samples = new float[Length];
        AddPlucks(samples.AsSpan(0, PluckSamples), new Random(seed));
        AddSweep(samples.AsSpan(PluckSamples, SweepSamples));
        return samples;
    }

    private static void AddPlucks(Span<float> plucks, Random random)
    {
        for (int note = 0; note < NoteHz.Length; note++)
        {
            // Levels spaced evenly in decibels, so that the drive meets every loudness from clean to clipped.
            float level = SoftestPluck * MathF.Pow(LoudestPluck / SoftestPluck, note / (NoteHz.Length - 1f));
            KarplusStrong.AddPluck(plucks[(note * NoteSpacing)..], NoteHz[note], level, random);
        }

        // The strings ring on together; scale the sum once so that it peaks just below full scale.
        float peak = 0;
        foreach (float sample in plucks)
        {
            peak = MathF.Max(peak, MathF.Abs(sample));
        }

        foreach (ref float sample in plucks)
        {
            sample *= PluckPeak / peak;
        }
    }

    /// <summary>An exponential sweep: equal time per octave, as in acoustic measurements.</summary>
    private static void AddSweep(Span<float> sweep)
    {
        double seconds = (double)sweep.Length / AudioFormat.SampleRate;
        double growthRate = Math.Log(SweepEndHz / SweepStartHz) / seconds;
        for (int n = 0; n < sweep.Length; n++)
        {
            double t = (double)n / AudioFormat.SampleRate;
            double phase = 2 * Math.PI * SweepStartHz * double.ExpM1(growthRate * t) / growthRate;
            double levelDb = SweepStartDb + ((SweepEndDb - SweepStartDb) * t / seconds);
            sweep[n] = (float)(Math.Pow(10, levelDb / 20) * Math.Sin(phase));
        }
    }
}
