using RnnGen.Generator.Helpers;
using RnnGen.Generator.Planning;

namespace RnnGen.Generator.Models;

/// <summary>Everything one generated file is made from: the plan and, when asked for, the compiled-in weights.</summary>
internal sealed record GenerationInput(KernelPlan Plan, EmbeddedWeights? Weights);

/// <summary>What resolving a plan's weights file found: the input to emit, or the diagnostics that stop it.</summary>
internal sealed record ResolveResult(GenerationInput? Input, EquatableArray<DiagnosticInfo> Diagnostics);
