using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using Microsoft.CodeAnalysis.Text;
using RnnGen.Generator.Emission;
using RnnGen.Generator.Models;
using RnnGen.Generator.Planning;

namespace RnnGen.Generator;

/// <summary>
/// Generates, for every class marked <c>[RnnGen.SimpleRnn]</c>, a SimpleRNN kernel specialised to its shape.
/// The pipeline: parse (attribute and symbol → plain model, or diagnostics) → plan (shape → tiling and
/// unrolling) → emit (plan → source). Diagnostics travel on their own branch so that a change that only
/// moves a diagnostic never re-emits code.
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

        context.RegisterSourceOutput(plans, static (context, plan) =>
            context.AddSource(plan.Model.Hierarchy.HintName, SourceText.From(SimpleRnnEmitter.Emit(plan), System.Text.Encoding.UTF8)));
    }
}
