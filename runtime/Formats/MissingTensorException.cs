using System;

namespace RnnGen.Formats;

/// <summary>
/// A well-formed weight file lacks a tensor the layer needs. An <see cref="ArgumentException"/> like every
/// "does not fit" error, as its own type so that the generator can report it under its own diagnostic.
/// </summary>
internal sealed class MissingTensorException(string message) : ArgumentException(message);
