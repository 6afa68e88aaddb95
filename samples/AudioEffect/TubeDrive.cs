using System;

namespace AudioEffect;

/// <summary>
/// The effect the network learns: a tube-like drive with memory. A one-pole low-pass (the tone control) darkens
/// the input; an envelope follower turns the drive down as the input gets louder, like a compressor in front of the
/// tube; and a tanh with a bias clips the two half-waves differently, which adds even harmonics. The constants and
/// the arithmetic (in double) are those of <c>tube_drive</c> in training/train.py.
/// </summary>
public sealed class TubeDrive
{
    private const double ToneHz = 5_000;
    private const double AttackMs = 2;
    private const double ReleaseMs = 25;
    private const double Drive = 6;
    private const double Compression = 4;
    private const double Bias = 0.3;
    private const double OutputGain = 0.7;

    private static readonly double ToneCoefficient = 1 - Math.Exp(-2 * Math.PI * ToneHz / AudioFormat.SampleRate);
    private static readonly double Attack = OnePoleCoefficient(AttackMs);
    private static readonly double Release = OnePoleCoefficient(ReleaseMs);

    /// <summary>The tanh's output at silence, subtracted so that silence stays silent.</summary>
    private static readonly double Offset = Math.Tanh(Bias);

    private double tone;
    private double envelope;

    public float Process(float sample)
    {
        double x = sample;
        tone += ToneCoefficient * (x - tone);
        double level = Math.Abs(x);
        envelope += (level > envelope ? Attack : Release) * (level - envelope);
        double drive = Drive / (1 + (Compression * envelope));
        return (float)(OutputGain * (Math.Tanh((drive * tone) + Bias) - Offset));
    }

    /// <summary>Back to silence.</summary>
    public void Reset()
    {
        tone = 0;
        envelope = 0;
    }

    /// <summary>The coefficient of a one-pole follower that covers 63 % of a step in <paramref name="timeMs"/>.</summary>
    private static double OnePoleCoefficient(double timeMs) => 1 - Math.Exp(-1000 / (timeMs * AudioFormat.SampleRate));
}
