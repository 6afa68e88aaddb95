using RnnGen.Generator.Helpers;

namespace RnnGen.Generator.Models;

/// <summary>
/// Weights read at build time, as the file holds them, ready to be compiled in and handed to the load method of
/// that layout: the runtime then converts, checks and packs them exactly as it does for weights loaded at run time.
/// </summary>
/// <param name="SourcePath">The attribute's path, for comments.</param>
/// <param name="Format">"Keras .npz" or "PyTorch safetensors".</param>
/// <param name="LoadMethod">The generated member the tensors go to: <c>LoadKerasWeights</c> or <c>LoadPyTorchWeights</c>.</param>
/// <param name="Tensors">The tensors in that method's parameter order.</param>
internal sealed record EmbeddedWeights(string SourcePath, string Format, string LoadMethod, EquatableArray<EmbeddedTensor> Tensors);

/// <summary>One compiled-in tensor.</summary>
/// <param name="Name">The property that holds it (<c>Kernel</c>, <c>WeightIh</c>, …).</param>
/// <param name="FileName">Its name in the file.</param>
/// <param name="Shape">Its shape, for the comment, e.g. <c>32×192</c>.</param>
/// <param name="Values">Row-major float32 values.</param>
internal sealed record EmbeddedTensor(string Name, string FileName, string Shape, EquatableArray<float> Values);
