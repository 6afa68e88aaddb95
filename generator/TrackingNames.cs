namespace RnnGen.Generator;

/// <summary>Names of the pipeline steps, shared with the incrementality tests. Every cell's pipeline uses the same names.</summary>
public static class TrackingNames
{
    public const string Parse = nameof(Parse);
    public const string Diagnostics = nameof(Diagnostics);
    public const string Models = nameof(Models);
    public const string Plans = nameof(Plans);
    public const string WeightsFiles = nameof(WeightsFiles);
    public const string KernelNamespace = nameof(KernelNamespace);
    public const string Resolved = nameof(Resolved);
    public const string WeightsSites = nameof(WeightsSites);
    public const string ResolveDiagnostics = nameof(ResolveDiagnostics);
    public const string Inputs = nameof(Inputs);

    /// <summary>Every step, for tests that check them all.</summary>
    public static readonly string[] All = [Parse, Diagnostics, Models, Plans, WeightsFiles, KernelNamespace, Resolved, WeightsSites, ResolveDiagnostics, Inputs];
}
