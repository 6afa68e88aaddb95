using RnnGen.Generator.Helpers;

namespace RnnGen.Generator.Models;

/// <summary>Weights read at build time, in the seed layout (W: O×I, U: O×O, b: O), ready to be compiled in.</summary>
/// <param name="SourcePath">The attribute's path, for comments.</param>
/// <param name="Format">"Keras .npz" or "PyTorch safetensors".</param>
/// <param name="W">O×I, row-major.</param>
/// <param name="U">O×O, row-major.</param>
/// <param name="B">O.</param>
internal sealed record EmbeddedWeights(string SourcePath, string Format, EquatableArray<float> W, EquatableArray<float> U, EquatableArray<float> B);
