using System;
using System.IO;

namespace AudioEffect;

/// <summary>Writes mono audio as a 16-bit PCM WAV file, the format every audio tool opens.</summary>
public static class WavFile
{
    private const short Channels = 1;
    private const short BitsPerSample = 16;
    private const short PcmFormat = 1;

    public static void Write(string path, ReadOnlySpan<float> samples)
    {
        const int bytesPerSample = BitsPerSample / 8;
        int dataBytes = samples.Length * bytesPerSample;
        using var writer = new BinaryWriter(File.Create(path));
        writer.Write("RIFF"u8);
        writer.Write(36 + dataBytes);
        writer.Write("WAVE"u8);
        writer.Write("fmt "u8);
        writer.Write(16);
        writer.Write(PcmFormat);
        writer.Write(Channels);
        writer.Write(AudioFormat.SampleRate);
        writer.Write(AudioFormat.SampleRate * Channels * bytesPerSample);
        writer.Write((short)(Channels * bytesPerSample));
        writer.Write(BitsPerSample);
        writer.Write("data"u8);
        writer.Write(dataBytes);
        foreach (float sample in samples)
        {
            // Clipped to full scale: the effect's loudest peaks stay below it, but a mistrained network might not.
            writer.Write((short)Math.Round(Math.Clamp(sample, -1f, 1f) * short.MaxValue));
        }
    }
}
