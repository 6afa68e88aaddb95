using System.Text;
using RnnGen.Generator.Helpers;
using RnnGen.Generator.Models;

namespace RnnGen.Generator.Emission;

/// <summary>
/// Writes compiled-in weights as <c>ReadOnlySpan&lt;float&gt;</c> properties over array literals, which the C#
/// compiler stores as read-only data in the assembly: no allocation, no parsing, no file at run time.
/// </summary>
internal static class EmbeddedWeightsEmitter
{
    public const string ClassName = "EmbeddedWeights";
    private const int ValuesPerLine = 8;

    public static string Reference(string kernelNamespace, EmbeddedTensor tensor) => $"global::{kernelNamespace}.{ClassName}.{tensor.Name}";

    public static void WriteDataClass(IndentedTextWriter writer, EmbeddedWeights weights)
    {
        writer.WriteLine($"/// <summary>The weights compiled in from <c>{weights.SourcePath}</c> ({weights.Format}), as the file holds them.</summary>");
        writer.WriteLine(GeneratorInfo.GeneratedCodeAttribute);
        using (writer.OpenBlock("file static class " + ClassName))
        {
            for (int t = 0; t < weights.Tensors.Length; t++)
            {
                if (t > 0)
                {
                    writer.WriteLine();
                }

                EmbeddedTensor tensor = weights.Tensors[t];
                WriteTensor(writer, tensor.Name, $"'{tensor.FileName}', {tensor.Shape}, row-major.", tensor.Values);
            }
        }
    }

    private static void WriteTensor(IndentedTextWriter writer, string name, string summary, EquatableArray<float> values)
    {
        writer.WriteLine($"/// <summary>{summary}</summary>");
        writer.WriteLine($"public static global::System.ReadOnlySpan<float> {name} => new float[]");
        using (writer.OpenBlock(closing: "};"))
        {
            var line = new StringBuilder();
            for (int i = 0; i < values.Length; i++)
            {
                line.Append(Invariant.Float(values[i])).Append(',');
                if ((i + 1) % ValuesPerLine == 0 || i == values.Length - 1)
                {
                    writer.WriteLine(line.ToString());
                    line.Clear();
                }
                else
                {
                    line.Append(' ');
                }
            }
        }
    }
}
