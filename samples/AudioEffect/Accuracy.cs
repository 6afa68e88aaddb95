using System;

namespace AudioEffect;

/// <summary>How far the network's output is from the effect's: the RMS of the difference, and that over the effect's RMS.</summary>
public readonly record struct Accuracy(double RmsError, double TargetRms)
{
    /// <summary>The error relative to the signal in decibels: -20 dB is an error a tenth of the signal's RMS.</summary>
    public double RelativeDb => 20 * Math.Log10(RmsError / TargetRms);

    public static Accuracy Of(ReadOnlySpan<float> predicted, ReadOnlySpan<float> target)
    {
        if (predicted.Length != target.Length || target.IsEmpty)
        {
            throw new ArgumentException($"Expected two signals of one non-zero length, got {predicted.Length} and {target.Length}.", nameof(predicted));
        }

        double errorEnergy = 0, targetEnergy = 0;
        for (int n = 0; n < target.Length; n++)
        {
            double error = predicted[n] - target[n];
            errorEnergy += error * error;
            targetEnergy += (double)target[n] * target[n];
        }

        return new Accuracy(Math.Sqrt(errorEnergy / target.Length), Math.Sqrt(targetEnergy / target.Length));
    }
}
