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
    private const string ClassName = "EmbeddedWeights";
    private const int ValuesPerLine = 8;

    public static string Reference(string tensor) => $"global::{SimpleRnnEmitter.KernelNamespace}.{ClassName}.{tensor}";

    public static void WriteDataClass(IndentedTextWriter writer, SimpleRnnModel model, EmbeddedWeights weights)
    {
        writer.WriteLine($"/// <summary>The weights compiled in from <c>{weights.SourcePath}</c> ({weights.Format}), in the seed layout.</summary>");
        writer.WriteLine(GeneratorInfo.GeneratedCodeAttribute);
        using (writer.OpenBlock("file static class " + ClassName))
        {
            WriteTensor(writer, "W", $"W, {Invariant.Int(model.Output)}×{Invariant.Int(model.Input)}, row-major.", weights.W);
            writer.WriteLine();
            WriteTensor(writer, "U", $"U, {Invariant.Int(model.Output)}×{Invariant.Int(model.Output)}, row-major.", weights.U);
            writer.WriteLine();
            WriteTensor(writer, "B", model.UseBias ? $"b, {Invariant.Int(model.Output)}." : $"b, {Invariant.Int(model.Output)}: zeros (UseBias = false).", weights.B);
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
