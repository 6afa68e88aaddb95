using System.Globalization;

namespace RnnGen.Package.Tests.Infrastructure;

/// <summary>Reads <c>label: value</c> lines from a program's output.</summary>
internal static class OutputLines
{
    public static string Value(string output, string label)
    {
        string prefix = label + ": ";
        string? line = output.Split('\n').Select(l => l.Trim()).FirstOrDefault(l => l.StartsWith(prefix, StringComparison.Ordinal));
        Assert.True(line is not null, $"No '{label}:' line in:\n{output}");
        return line[prefix.Length..];
    }

    public static double Number(string output, string label) => double.Parse(Value(output, label), CultureInfo.InvariantCulture);
}
