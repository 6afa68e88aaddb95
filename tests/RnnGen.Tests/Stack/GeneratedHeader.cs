using System;
using System.Collections.Generic;
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
        string path = Path.Combine(Folder, $"{modelType.FullName}.{cell}.g.cs");
        return File.Exists(path)
            ? Read(path)
            : throw new FileNotFoundException($"The generated file of {modelType} is not where the build writes it.", path);
    }

    /// <summary>
    /// The header of every generated file of this build, by file name. The folder keeps the files of classes an
    /// earlier build had and this one no longer does; their classes are not in this assembly, so they are left out.
    /// </summary>
    public static (string File, GeneratedHeader Header)[] All()
        => [.. Directory.GetFiles(Folder, "*.g.cs").Order(StringComparer.Ordinal).Where(IsOfThisBuild).Select(path => (Path.GetFileName(path), Read(path)))];

    /// <summary>Whether the class of <c>Namespace.Class.Cell.g.cs</c> is in this assembly.</summary>
    private static bool IsOfThisBuild(string path)
    {
        string name = Path.GetFileName(path)[..^".g.cs".Length];
        return typeof(GeneratedHeader).Assembly.GetType(name[..name.LastIndexOf('.')]) is not null;
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

    /// <summary>
    /// The k stated for each CPU path, from the lines <c>Vector512 (AVX-512): …</c> and, under each, <c>StepBatch and
    /// the other batched members: k sequences per kernel call, …</c>: the sequences one kernel call steps at once.
    /// </summary>
    public IReadOnlyDictionary<SimdPath, int> SequencesPerKernelCall()
    {
        var widths = new Dictionary<SimdPath, int>();
        SimdPath? path = null;
        foreach (string line in _text.Split('\n'))
        {
            if (PathLine().Match(line) is { Success: true } heading)
            {
                path = Enum.Parse<SimdPath>(heading.Groups["path"].Value);
            }
            else if (SequencesPerCall().Match(line) is { Success: true } width && path is { } current)
            {
                widths.Add(current, int.Parse(width.Groups["k"].Value, CultureInfo.InvariantCulture));
            }
        }

        return widths;
    }

    /// <summary>bin/&lt;configuration&gt;/&lt;tfm&gt;/ → obj/&lt;configuration&gt;/&lt;tfm&gt;/generated/&lt;generator assembly&gt;/&lt;generator type&gt;/.</summary>
    private static string Folder
    {
        get
        {
            var binary = new DirectoryInfo(AppContext.BaseDirectory);
            string tfm = binary.Name, configuration = binary.Parent!.Name;
            DirectoryInfo project = binary.Parent!.Parent!.Parent!;
            return Path.Combine(project.FullName, "obj", configuration, tfm, "generated", "RnnGen.Generator", "RnnGen.Generator.RnnGenerator");
        }
    }

    private static GeneratedHeader Read(string path)
        => new(string.Join('\n', File.ReadLines(path).TakeWhile(line => line.StartsWith("//", StringComparison.Ordinal))));

    [GeneratedRegex(@"(?<bytes>[\d,]+) bytes(?: \((?<paths>[^)]*)\))?")]
    private static partial Regex Figure();

    [GeneratedRegex(@"^//\s+(?<path>Vector512|Vector256|Vector128|Scalar) \(")]
    private static partial Regex PathLine();

    [GeneratedRegex(@"StepBatch and the other batched members: (?<k>\d+) sequences per kernel call")]
    private static partial Regex SequencesPerCall();
}
