using RnnGen.Generator.Helpers;

namespace RnnGen.Generator.Models;

/// <summary>What the parse step found for one annotated type: a model when it is valid, its diagnostics, and where its
/// <c>Weights</c> argument is, for diagnostics about the file that only a later step can find.</summary>
internal sealed record ParseResult(LayerModel? Model, EquatableArray<DiagnosticInfo> Diagnostics, WeightsSite? WeightsSite);

/// <summary>Where one class's <c>Weights</c> argument is written: the key of its generated file and the location.</summary>
internal sealed record WeightsSite(string HintName, LocationInfo? Location);
