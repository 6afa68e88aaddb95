using RnnGen.Generator.Helpers;

namespace RnnGen.Generator.Models;

/// <summary>A weights file among the project's AdditionalFiles: its path and its bytes (or why they could not be read).</summary>
internal sealed record WeightsFile(string Path, EquatableArray<byte> Bytes, string? ReadError);
