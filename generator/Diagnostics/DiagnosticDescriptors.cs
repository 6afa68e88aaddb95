using System.Collections.Generic;
using System.Linq;
using Microsoft.CodeAnalysis;

namespace RnnGen.Generator.Diagnostics;

/// <summary>Every diagnostic RnnGen reports. Messages name the offending value and say what to do.</summary>
internal static class DiagnosticDescriptors
{
    private const string Category = "RnnGen";
    private const string HelpBase = "https://github.com/rnngen/rnngen/blob/main/README.md#";

    public static readonly DiagnosticDescriptor ClassNotPartial = Error(
        DiagnosticIds.ClassNotPartial,
        "Layer class must be partial",
        "Class '{0}' has [{1}] but is not partial; declare it as 'partial class {0}' so RnnGen can add the kernel to it");

    public static readonly DiagnosticDescriptor ContainingTypeNotPartial = Error(
        DiagnosticIds.ContainingTypeNotPartial,
        "Types containing a layer class must be partial",
        "'{0}' contains the [{2}] class '{1}' but is not partial; declare it partial so RnnGen can re-open it");

    public static readonly DiagnosticDescriptor NotAPlainClass = Error(
        DiagnosticIds.NotAPlainClass,
        "Layer attributes apply to classes only",
        "'{0}' is {1}; [{2}] applies only to a (non-record) class: declare it as 'partial class {0}'");

    public static readonly DiagnosticDescriptor StaticClass = Error(
        DiagnosticIds.StaticClass,
        "Layer class cannot be static",
        "Class '{0}' is static, but a [{1}] class holds weights per instance; remove 'static'");

    public static readonly DiagnosticDescriptor ShapeMissing = Error(
        DiagnosticIds.ShapeMissing,
        "Layer shape property missing",
        "[{3}] on '{0}' does not set '{1}'; set it to {2}, e.g. [{3}(Timesteps = 100, Input = 32, Output = 64)]");

    public static readonly DiagnosticDescriptor ShapeNotPositive = Error(
        DiagnosticIds.ShapeNotPositive,
        "Layer shape property must be greater than 0",
        "'{0}' must be greater than 0, but was {1}");

    public static readonly DiagnosticDescriptor ShapeTooLarge = Error(
        DiagnosticIds.ShapeTooLarge,
        "Layer shape too large",
        "The shape of '{0}' is too large: {1}");

    public static readonly DiagnosticDescriptor UnknownActivation = Error(
        DiagnosticIds.UnknownActivation,
        "Unknown activation",
        "{0} value {1} is not a member of RnnActivation; use RnnActivation.Tanh, Relu, Sigmoid or Linear");

    public static readonly DiagnosticDescriptor MemberClash = Error(
        DiagnosticIds.MemberClash,
        "Member clashes with a generated member",
        "'{0}' declares '{1}', which RnnGen generates for [{2}] classes; rename or remove it");

    public static readonly DiagnosticDescriptor LanguageVersionTooLow = Error(
        DiagnosticIds.LanguageVersionTooLow,
        "RnnGen needs C# 11 or later",
        "RnnGen generates C# 11 code for '{0}', but the project uses C# {1}; set <LangVersion>11</LangVersion> or later (the default for net7.0 and newer)");

    public static readonly DiagnosticDescriptor WeightsFileNotFound = Error(
        DiagnosticIds.WeightsFileNotFound,
        "Weights file not found",
        "No AdditionalFiles item ends with '{0}'; add <AdditionalFiles Include=\"{0}\" /> to the project (or fix the path)");

    public static readonly DiagnosticDescriptor WeightsFileUnreadable = Error(
        DiagnosticIds.WeightsFileUnreadable,
        "Weights file cannot be read",
        "Weights file '{0}' cannot be read: {1}");

    public static readonly DiagnosticDescriptor WeightsTensorMissing = Error(
        DiagnosticIds.WeightsTensorMissing,
        "Weights file lacks a tensor",
        "Weights file '{0}' does not fit '{1}': {2}");

    public static readonly DiagnosticDescriptor WeightsShapeMismatch = Error(
        DiagnosticIds.WeightsShapeMismatch,
        "Weights tensor does not fit the layer",
        "Weights file '{0}' does not fit '{1}': {2}");

    public static readonly DiagnosticDescriptor WeightsNotFinite = Error(
        DiagnosticIds.WeightsNotFinite,
        "Weights file holds a non-finite value",
        "Weights file '{0}': {1}; weights must be finite numbers");

    public static readonly DiagnosticDescriptor WeightsFileAmbiguous = Error(
        DiagnosticIds.WeightsFileAmbiguous,
        "Weights path matches several files",
        "'{0}' matches several AdditionalFiles ({1}); write more of the path so that it names one");

    public static readonly DiagnosticDescriptor NoParameterlessConstructor = Error(
        DiagnosticIds.NoParameterlessConstructor,
        "Embedded weights need a parameterless constructor",
        "'{0}' sets Weights, so RnnGen generates CreateWithEmbeddedWeights(), which calls 'new {0}()'; add a parameterless constructor");

    public static readonly DiagnosticDescriptor CannotCreateForEmbeddedWeights = Error(
        DiagnosticIds.CannotCreateForEmbeddedWeights,
        "Embedded weights need a class 'new' can create",
        "'{0}' sets Weights, so RnnGen generates CreateWithEmbeddedWeights(), which calls 'new {0}()', but {1}; or remove Weights and load the weights at run time");

    public static readonly DiagnosticDescriptor WeightsExtensionUnsupported = Error(
        DiagnosticIds.WeightsExtensionUnsupported,
        "Weights file format not supported",
        "Weights file '{0}' has the extension '{1}', which RnnGen does not read; use a .npz file (Keras get_weights() layout) or a .safetensors file (PyTorch state_dict layout)");

    public static readonly DiagnosticDescriptor WeightsEmpty = Warning(
        DiagnosticIds.WeightsEmpty,
        "Weights is empty",
        "Weights on '{0}' is empty, so no weights are compiled in and CreateWithEmbeddedWeights() is not generated; name a .npz or .safetensors file, or remove the argument");

    public static readonly DiagnosticDescriptor WeightsPrefixIgnored = Warning(
        DiagnosticIds.WeightsPrefixIgnored,
        "WeightsPrefix has no effect",
        "WeightsPrefix = \"{0}\" on '{1}' has no effect: {2}; remove it");

    public static readonly DiagnosticDescriptor SeveralLayerAttributes = Error(
        DiagnosticIds.SeveralLayerAttributes,
        "A class may be one layer only",
        "'{0}' has {1}; a class is one layer, so keep one of them (declare another class for the other layer)");

    public static readonly DiagnosticDescriptor PyTorchGruNeedsResetAfter = Error(
        DiagnosticIds.PyTorchGruNeedsResetAfter,
        "PyTorch GRU weights need ResetAfter = true",
        "'{0}' is declared with ResetAfter = false, but '{1}' is a PyTorch safetensors file, and torch.nn.GRU applies the reset gate after the recurrent product; set ResetAfter = true, or export the weights from a Keras GRU with reset_after=False as a .npz");

    private static readonly Dictionary<string, DiagnosticDescriptor> All = new[]
    {
        ClassNotPartial, ContainingTypeNotPartial, NotAPlainClass, StaticClass, ShapeMissing, ShapeNotPositive,
        ShapeTooLarge, UnknownActivation, MemberClash, LanguageVersionTooLow, WeightsFileNotFound,
        WeightsFileUnreadable, WeightsTensorMissing, WeightsShapeMismatch, WeightsNotFinite, WeightsFileAmbiguous,
        NoParameterlessConstructor, CannotCreateForEmbeddedWeights, WeightsExtensionUnsupported, WeightsEmpty,
        WeightsPrefixIgnored, SeveralLayerAttributes, PyTorchGruNeedsResetAfter,
    }.ToDictionary(d => d.Id);

    public static DiagnosticDescriptor ById(string id) => All[id];

    private static DiagnosticDescriptor Error(string id, string title, string message)
        => new(id, title, message, Category, DiagnosticSeverity.Error, isEnabledByDefault: true, helpLinkUri: HelpBase + id.ToLowerInvariant());

    private static DiagnosticDescriptor Warning(string id, string title, string message)
        => new(id, title, message, Category, DiagnosticSeverity.Warning, isEnabledByDefault: true, helpLinkUri: HelpBase + id.ToLowerInvariant());
}
