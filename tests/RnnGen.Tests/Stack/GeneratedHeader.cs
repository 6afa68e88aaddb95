using System;
using System.Globalization;
using System.IO;
using System.Linq;
using System.Text.RegularExpressions;

namespace RnnGen.Tests.Stack;

/// <summary>
/// The header of a generated file, as the build wrote it (this project sets EmitCompilerGeneratedFiles), and the
/// figures it states.
/// </summary>
public sealed partial class GeneratedHeader
{
    private readonly string _text;

    private GeneratedHeader(string text) => _text = text;

    /// <summary>Reads the generated file of <paramref name="modelType"/>, a class of this project with a layer attribute.</summary>
    public static GeneratedHeader For(Type modelType, string cell)
    {
        // bin/<configuration>/<tfm>/ → obj/<configuration>/<tfm>/generated/<generator assembly>/<generator type>/
        var binary = new DirectoryInfo(AppContext.BaseDirectory);
        string tfm = binary.Name, configuration = binary.Parent!.Name;
        DirectoryInfo project = binary.Parent!.Parent!.Parent!;
        string path = Path.Combine(project.FullName, "obj", configuration, tfm, "generated", "RnnGen.Generator", "RnnGen.Generator.RnnGenerator", $"{modelType.FullName}.{cell}.g.cs");
        return File.Exists(path)
            ? new GeneratedHeader(string.Join('\n', File.ReadLines(path).TakeWhile(line => line.StartsWith("//", StringComparison.Ordinal))))
            : throw new FileNotFoundException($"The generated file of {modelType} is not where the build writes it.", path);
    }

    /// <summary>
    /// The stated stack bound of <paramref name="members"/> (<c>Run/RunLast</c> or <c>Step</c>) on <paramref name="path"/>,
    /// from a line like <c>Stack, at most, frames included: Run/RunLast 33,088 bytes (Vector512), 24,896 bytes (Scalar); Step …</c>.
    /// </summary>
    public int StackBytes(string members, SimdPath path)
    {
        string line = _text.Split('\n').Single(l => l.Contains("Stack, at most, frames included:", StringComparison.Ordinal));
        string part = line[(line.IndexOf(':', StringComparison.Ordinal) + 1)..].Split(';').Select(p => p.Trim()).Single(p => p.StartsWith(members + " ", StringComparison.Ordinal));
        foreach (Match figure in Figure().Matches(part[members.Length..]))
        {
            string paths = figure.Groups["paths"].Value;
            if (paths.Length == 0 || paths.Split(", ").Contains(path.ToString()))
            {
                return int.Parse(figure.Groups["bytes"].Value, NumberStyles.AllowThousands, CultureInfo.InvariantCulture);
            }
        }

        throw new InvalidOperationException($"No stack figure for {members} on {path} in: {line}");
    }

    [GeneratedRegex(@"(?<bytes>[\d,]+) bytes(?: \((?<paths>[^)]*)\))?")]
    private static partial Regex Figure();
}
