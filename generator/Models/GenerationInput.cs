using RnnGen.Generator.Helpers;
using RnnGen.Generator.Planning;

namespace RnnGen.Generator.Models;

/// <summary>Everything one generated file is made from: the plan, the compiled-in weights when asked for, and the namespace of the file-local kernel.</summary>
internal sealed record GenerationInput(KernelPlan Plan, EmbeddedWeights? Weights, string KernelNamespace);

/// <summary>What resolving a plan's weights file found: the plan and weights to emit, or the problems that stop it.</summary>
/// <param name="HintName">The key of the class's generated file, to find where its Weights argument is written.</param>
/// <param name="Plan">The layer's plan.</param>
/// <param name="Weights">The compiled-in weights, when asked for and found.</param>
/// <param name="Problems">Why the weights cannot be compiled in; empty when they can (or none were asked for).</param>
internal sealed record ResolveResult(string HintName, KernelPlan Plan, EmbeddedWeights? Weights, EquatableArray<WeightsProblem> Problems);

/// <summary>A diagnostic about a weights file, before it is given a location: the descriptor's id and its arguments.</summary>
internal sealed record WeightsProblem(string Id, EquatableArray<string> Arguments);
