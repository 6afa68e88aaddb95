using System.Runtime.CompilerServices;

namespace RnnGen.Generator.Tests.Infrastructure;

/// <summary>
/// Snapshot checks with Verify's file conventions: <c>{Class}.{Method}#{HintName}.verified.cs</c> beside the test
/// file; on a mismatch a <c>.received.cs</c> is written next to it and the test fails with a line diff. Set
/// <c>RNNGEN_ACCEPT_SNAPSHOTS=1</c> to accept the received text instead (review the change in git afterwards).
/// </summary>
internal static class SnapshotVerifier
{
    public const string AcceptVariable = "RNNGEN_ACCEPT_SNAPSHOTS";

    /// <summary>The generator version, scrubbed so that a version bump does not rewrite every snapshot.</summary>
    public const string VersionPlaceholder = "{RnnGenVersion}";

    public static void Verify(string hintName, string text, [CallerFilePath] string testFile = "", [CallerMemberName] string method = "")
    {
        string testClass = Path.GetFileNameWithoutExtension(testFile);
        string directory = Path.GetDirectoryName(testFile)!;
        string stem = Path.Combine(directory, $"{testClass}.{method}#{Path.GetFileNameWithoutExtension(hintName)}");
        string verifiedPath = stem + ".verified.cs";
        string receivedPath = stem + ".received.cs";
        string received = Scrub(text);

        string? verified = File.Exists(verifiedPath) ? File.ReadAllText(verifiedPath).Replace("\r\n", "\n") : null;
        if (verified == received)
        {
            File.Delete(receivedPath);
            return;
        }

        if (Environment.GetEnvironmentVariable(AcceptVariable) is "1" or "true")
        {
            File.WriteAllText(verifiedPath, received);
            File.Delete(receivedPath);
            return;
        }

        File.WriteAllText(receivedPath, received);
        string reason = verified is null
            ? $"No snapshot yet: {Path.GetFileName(verifiedPath)}. Review {Path.GetFileName(receivedPath)} and rename it to .verified.cs, or rerun with {AcceptVariable}=1."
            : $"Generated source differs from {Path.GetFileName(verifiedPath)} (- snapshot, + generated). Received text written to {Path.GetFileName(receivedPath)}; accept with {AcceptVariable}=1 if the change is intended.\n" + TextDiff.Describe(verified, received);
        Assert.Fail(reason);
    }

    private static string Scrub(string text)
        => text.Replace("\r\n", "\n")
               .Replace($"\"{GeneratorInfo.Version}\"", $"\"{VersionPlaceholder}\"")
               .Replace($"{GeneratorInfo.Name} {GeneratorInfo.Version}:", $"{GeneratorInfo.Name} {VersionPlaceholder}:");
}
