using System.Collections.Immutable;
using System.Text;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using Microsoft.CodeAnalysis.Text;
using RnnGen.Generator.Cells;
using RnnGen.Generator.Emission;
using RnnGen.Generator.Models;
using RnnGen.Generator.Planning;
using RnnGen.Generator.Weights;

namespace RnnGen.Generator;

/// <summary>
/// Generates, for every class marked <c>[RnnGen.SimpleRnn]</c>, <c>[RnnGen.Gru]</c> or <c>[RnnGen.Lstm]</c>, a kernel
/// specialised to its shape. Each cell has the same pipeline: parse (attribute and symbol → plain model, or
/// diagnostics) → plan (shape → tiling and unrolling) → resolve (compiled-in weights from AdditionalFiles, when
/// asked for) → emit (plan → source). Diagnostics travel on their own branches, and locations only there, so an
/// edit that only moves a declaration never re-emits code.
/// </summary>
[Generator(LanguageNames.CSharp)]
public sealed partial class RnnGenerator : IIncrementalGenerator
{
    public void Initialize(IncrementalGeneratorInitializationContext context)
    {
        // Weights files are read once per edit of the file; unrelated edits leave this branch cached.
        IncrementalValueProvider<ImmutableArray<WeightsFile>> weightsFiles = context.AdditionalTextsProvider
            .Where(static text => WeightsFileReading.IsWeightsFile(text.Path))
            .Select(static (text, cancellationToken) => WeightsFileReading.Read(text, cancellationToken))
            .WithTrackingName(TrackingNames.WeightsFiles)
            .Collect();

        // Reduced to one string at once, so a new compilation on every keystroke reruns nothing after it.
        IncrementalValueProvider<string> kernelNamespace = context.CompilationProvider
            .Select(static (compilation, cancellationToken) => KernelNamespaces.Choose(compilation, cancellationToken))
            .WithTrackingName(TrackingNames.KernelNamespace);

        foreach (Cell cell in Cell.All)
        {
            RegisterCell(context, cell, weightsFiles, kernelNamespace);
        }
    }

    private static void RegisterCell(
        IncrementalGeneratorInitializationContext context,
        Cell cell,
        IncrementalValueProvider<ImmutableArray<WeightsFile>> weightsFiles,
        IncrementalValueProvider<string> kernelNamespace)
    {
        Layout.CellKind kind = cell.Kind;
        IncrementalValuesProvider<ParseResult> parsed = context.SyntaxProvider
            .ForAttributeWithMetadataName(
                cell.AttributeMetadataName,
                predicate: static (node, _) => node is TypeDeclarationSyntax,
                transform: (attributeContext, cancellationToken) => Parse(attributeContext, kind, cancellationToken))
            .WithTrackingName(TrackingNames.Parse);

        IncrementalValuesProvider<DiagnosticInfo> diagnostics = parsed
            .SelectMany(static (result, _) => result.Diagnostics)
            .WithTrackingName(TrackingNames.Diagnostics);
        context.RegisterSourceOutput(diagnostics, static (context, diagnostic) => context.ReportDiagnostic(diagnostic.ToDiagnostic()));

        IncrementalValuesProvider<KernelPlan> plans = parsed
            .Where(static result => result.Model is not null)
            .Select(static (result, _) => result.Model!)
            .WithTrackingName(TrackingNames.Models)
            .Select(static (model, _) => KernelPlanner.Plan(model))
            .WithTrackingName(TrackingNames.Plans);

        IncrementalValuesProvider<ResolveResult> resolved = plans
            .Combine(weightsFiles)
            .Select(static (pair, _) => WeightsResolver.Resolve(pair.Left, pair.Right))
            .WithTrackingName(TrackingNames.Resolved);

        // Problems with a weights file are found without locations; they meet the Weights argument's location here.
        IncrementalValueProvider<ImmutableArray<WeightsSite>> sites = parsed
            .Where(static result => result.WeightsSite is not null)
            .Select(static (result, _) => result.WeightsSite!)
            .WithTrackingName(TrackingNames.WeightsSites)
            .Collect();
        IncrementalValuesProvider<DiagnosticInfo> resolveDiagnostics = resolved
            .Where(static result => !result.Problems.IsEmpty)
            .Collect()
            .Combine(sites)
            .SelectMany(static (pair, _) => WeightsDiagnostics.Locate(pair.Left, pair.Right))
            .WithTrackingName(TrackingNames.ResolveDiagnostics);
        context.RegisterSourceOutput(resolveDiagnostics, static (context, diagnostic) => context.ReportDiagnostic(diagnostic.ToDiagnostic()));

        IncrementalValuesProvider<GenerationInput> inputs = resolved
            .Where(static result => result.Problems.IsEmpty)
            .Combine(kernelNamespace)
            .Select(static (pair, _) => new GenerationInput(pair.Left.Plan, pair.Left.Weights, pair.Right))
            .WithTrackingName(TrackingNames.Inputs);

        context.RegisterSourceOutput(inputs, static (context, input) =>
            context.AddSource(
                input.Plan.Model.Hierarchy.HintName(Cell.For(input.Plan.Model.Cell).AttributeName),
                SourceText.From(LayerFileEmitter.Emit(input), Encoding.UTF8)));
    }
}
