namespace AudioEffect;

/// <summary>The audio the sample works on: mono floats in [-1, 1], SAMPLE_RATE in training/train.py.</summary>
public static class AudioFormat
{
    public const int SampleRate = 48_000;
}
