using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using Microsoft.CodeAnalysis.Text;
using RnnGen.Generator.Emission;
using RnnGen.Generator.Models;
using RnnGen.Generator.Planning;
using RnnGen.Generator.Weights;

namespace RnnGen.Generator;

/// <summary>
/// Generates, for every class marked <c>[RnnGen.SimpleRnn]</c>, a SimpleRNN kernel specialised to its shape.
/// The pipeline: parse (attribute and symbol → plain model, or diagnostics) → plan (shape → tiling and
/// unrolling) → resolve (compiled-in weights from AdditionalFiles, when asked for) → emit (plan → source).
/// Diagnostics travel on their own branches so that a change that only moves a diagnostic never re-emits code.
/// </summary>
[Generator(LanguageNames.CSharp)]
public sealed partial class SimpleRnnGenerator : IIncrementalGenerator
{
    public const string AttributeMetadataName = "RnnGen.SimpleRnnAttribute";

    public void Initialize(IncrementalGeneratorInitializationContext context)
    {
        IncrementalValuesProvider<ParseResult> parsed = context.SyntaxProvider
            .ForAttributeWithMetadataName(
                AttributeMetadataName,
                predicate: static (node, _) => node is TypeDeclarationSyntax,
                transform: static (context, cancellationToken) => Parse(context, cancellationToken))
            .WithTrackingName(TrackingNames.Parse);

        IncrementalValuesProvider<DiagnosticInfo> diagnostics = parsed
            .SelectMany(static (result, _) => result.Diagnostics)
            .WithTrackingName(TrackingNames.Diagnostics);
        context.RegisterSourceOutput(diagnostics, static (context, diagnostic) => context.ReportDiagnostic(diagnostic.ToDiagnostic()));

        IncrementalValuesProvider<SimpleRnnModel> models = parsed
            .Where(static result => result.Model is not null)
            .Select(static (result, _) => result.Model!)
            .WithTrackingName(TrackingNames.Models);

        IncrementalValuesProvider<KernelPlan> plans = models
            .Select(static (model, _) => KernelPlanner.Plan(model))
            .WithTrackingName(TrackingNames.Plans);

        // Weights files are read once per edit of the file; unrelated edits leave this branch cached.
        IncrementalValueProvider<System.Collections.Immutable.ImmutableArray<WeightsFile>> weightsFiles = context.AdditionalTextsProvider
            .Where(static text => WeightsFileReading.IsWeightsFile(text.Path))
            .Select(static (text, cancellationToken) => WeightsFileReading.Read(text, cancellationToken))
            .WithTrackingName(TrackingNames.WeightsFiles)
            .Collect();

        IncrementalValuesProvider<ResolveResult> resolved = plans
            .Combine(weightsFiles)
            .Select(static (pair, _) => WeightsResolver.Resolve(pair.Left, pair.Right))
            .WithTrackingName(TrackingNames.Resolved);

        IncrementalValuesProvider<DiagnosticInfo> resolveDiagnostics = resolved
            .SelectMany(static (result, _) => result.Diagnostics)
            .WithTrackingName(TrackingNames.ResolveDiagnostics);
        context.RegisterSourceOutput(resolveDiagnostics, static (context, diagnostic) => context.ReportDiagnostic(diagnostic.ToDiagnostic()));

        IncrementalValuesProvider<GenerationInput> inputs = resolved
            .Where(static result => result.Input is not null)
            .Select(static (result, _) => result.Input!)
            .WithTrackingName(TrackingNames.Inputs);

        context.RegisterSourceOutput(inputs, static (context, input) =>
            context.AddSource(input.Plan.Model.Hierarchy.HintName, SourceText.From(SimpleRnnEmitter.Emit(input), System.Text.Encoding.UTF8)));
    }
}
