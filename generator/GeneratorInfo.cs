namespace RnnGen.Generator;

/// <summary>Identity stamped on generated code.</summary>
internal static class GeneratorInfo
{
    public const string Name = "RnnGen";

    /// <summary>Kept equal to the package version (Directory.Build.props); a test checks it.</summary>
    public const string Version = "0.1.0";

    public const string GeneratedCodeAttribute = "[global::System.CodeDom.Compiler.GeneratedCode(\"" + Name + "\", \"" + Version + "\")]";
}
