namespace RnnGen.Generator.Diagnostics;

/// <summary>The ids of every RnnGen diagnostic; public so that code fixes can name the ids they fix.</summary>
public static class DiagnosticIds
{
    public const string ClassNotPartial = "RNN0001";
    public const string ContainingTypeNotPartial = "RNN0002";
    public const string NotAPlainClass = "RNN0003";
    public const string StaticClass = "RNN0004";
    public const string ShapeMissing = "RNN0005";
    public const string ShapeNotPositive = "RNN0006";
    public const string ShapeTooLarge = "RNN0007";
    public const string UnknownActivation = "RNN0008";
    public const string MemberClash = "RNN0009";
    public const string LanguageVersionTooLow = "RNN0010";
    public const string WeightsFileNotFound = "RNN0011";
    public const string WeightsFileUnreadable = "RNN0012";
    public const string WeightsTensorMissing = "RNN0013";
    public const string WeightsShapeMismatch = "RNN0014";
    public const string WeightsNotFinite = "RNN0015";
    public const string WeightsFileAmbiguous = "RNN0016";
    public const string NoParameterlessConstructor = "RNN0017";
    public const string CannotCreateForEmbeddedWeights = "RNN0018";
    public const string WeightsExtensionUnsupported = "RNN0019";
    public const string WeightsEmpty = "RNN0020";
    public const string WeightsPrefixIgnored = "RNN0021";
    public const string SeveralLayerAttributes = "RNN0022";
    public const string PyTorchGruNeedsResetAfter = "RNN0023";
}
