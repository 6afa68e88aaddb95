namespace RnnGen.Generator;

/// <summary>Names of the pipeline steps, shared with the incrementality tests.</summary>
public static class TrackingNames
{
    public const string Parse = nameof(Parse);
    public const string Diagnostics = nameof(Diagnostics);
    public const string Models = nameof(Models);
    public const string Plans = nameof(Plans);
    public const string WeightsFiles = nameof(WeightsFiles);
    public const string Resolved = nameof(Resolved);
    public const string ResolveDiagnostics = nameof(ResolveDiagnostics);
    public const string Inputs = nameof(Inputs);
}
