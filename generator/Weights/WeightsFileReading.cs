using System;
using System.IO;
using System.Threading;
using Microsoft.CodeAnalysis;
using RnnGen.Generator.Helpers;
using RnnGen.Generator.Models;

namespace RnnGen.Generator.Weights;

/// <summary>Reads weights files from AdditionalFiles as bytes.</summary>
internal static class WeightsFileReading
{
    public static bool IsWeightsFile(string path) => IsKerasFile(path) || IsPyTorchFile(path);

    /// <summary>An <c>.npz</c>, read in the Keras layout.</summary>
    public static bool IsKerasFile(string path) => path.EndsWith(".npz", StringComparison.OrdinalIgnoreCase);

    /// <summary>A <c>.safetensors</c> file, read in the PyTorch layout.</summary>
    public static bool IsPyTorchFile(string path) => path.EndsWith(".safetensors", StringComparison.OrdinalIgnoreCase);

    /// <summary>
    /// The file's bytes. <see cref="AdditionalText.GetText"/> cannot be used: it decodes the file as text, and
    /// the compiler fails the build on a binary file (CS2015). The file is read by its path instead; the IDE
    /// hands the pipeline a new <see cref="AdditionalText"/> whenever the file changes, so an edit still reruns this.
    /// </summary>
    public static WeightsFile Read(AdditionalText text, CancellationToken cancellationToken)
    {
        cancellationToken.ThrowIfCancellationRequested();
        try
        {
#pragma warning disable RS1035 // File IO in an analyzer: the only way to read a binary additional file (see above).
            byte[] bytes = File.ReadAllBytes(text.Path);
#pragma warning restore RS1035
            return new WeightsFile(text.Path, bytes.ToEquatableArray(), null);
        }
        catch (Exception exception) when (exception is IOException or UnauthorizedAccessException)
        {
            return new WeightsFile(text.Path, EquatableArray<byte>.Empty, exception.Message);
        }
    }
}
