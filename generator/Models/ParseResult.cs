using RnnGen.Generator.Helpers;

namespace RnnGen.Generator.Models;

/// <summary>What the parse step found for one annotated type: a model when it is valid, and its diagnostics.</summary>
internal sealed record ParseResult(SimpleRnnModel? Model, EquatableArray<DiagnosticInfo> Diagnostics);
