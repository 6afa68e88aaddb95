using System;
using System.Buffers.Binary;
using System.Collections.Generic;
using System.Linq;
using System.Globalization;
using System.Text;
using System.Text.RegularExpressions;
using RnnGen.Runtime.Tests.Gated;

namespace RnnGen.Runtime.Tests.Formats;

/// <summary>Well-formed seed files for the fuzz test, with the structure each mutation needs to know.</summary>
internal static class FuzzCorpus
{
    public const int Input = 3;
    public const int Output = 5;

    /// <summary>An .npy file split into its header dict and data, to re-frame after a header edit.</summary>
    internal sealed record NpySeed(string Header, byte[] Data, int Version)
    {
        public byte[] Bytes => NpyWriter.WriteRaw(Header, Data, Version);

        /// <summary>Magic, version, length field, header end, middle of the data.</summary>
        public int[] Boundaries()
        {
            int headerStart = Version == 1 ? 10 : 12;
            int dataStart = Bytes.Length - Data.Length;
            return [0, 3, 6, 7, 8, headerStart, (headerStart + dataStart) / 2, dataStart - 1, dataStart, dataStart + (Data.Length / 2), Bytes.Length - 1];
        }
    }

    /// <summary>An .npz as its entries, to re-zip after damaging one array.</summary>
    internal sealed record NpzSeed(IReadOnlyList<(string Name, NpySeed Npy)> Arrays, bool Compressed)
    {
        public byte[] Bytes => Zip(Arrays.Select(a => (a.Name, a.Npy.Bytes)));

        public byte[] Zip(IEnumerable<(string Name, byte[] Npy)> arrays) => NpzWriter.Write(arrays, Compressed);
    }

    /// <summary>A safetensors file as header text and data buffer, to re-frame after a JSON edit.</summary>
    internal sealed record SafetensorsSeed(string Header, byte[] Buffer, string Prefix)
    {
        public byte[] Bytes => SafetensorsWriter.WriteRaw(Header, Buffer);

        /// <summary>Inside the length prefix, inside and at the end of the header, and every tensor boundary.</summary>
        public int[] Boundaries()
        {
            int dataStart = Bytes.Length - Buffer.Length;
            var offsets = new List<int> { 0, 4, 7, 8, 9, (8 + dataStart) / 2, dataStart - 1, dataStart, Bytes.Length - 1 };
            foreach (Match match in Regex.Matches(Header, @"""data_offsets"":\[(\d+),(\d+)\]"))
            {
                offsets.Add(dataStart + int.Parse(match.Groups[1].Value, CultureInfo.InvariantCulture));
                offsets.Add(dataStart + int.Parse(match.Groups[2].Value, CultureInfo.InvariantCulture));
            }

            return [.. offsets];
        }
    }

    public static IReadOnlyList<NpySeed> NpySeeds() =>
    [
        Npy(TensorEncoding.ExactValues(Input * Output), [Input, Output], "<f4", 1),
        Npy(TensorEncoding.ExactValues(Output * Output), [Output, Output], "<f8", 2),
        Npy(TensorEncoding.ExactValues(Output), [Output], "<f2", 3),
        Npy(TensorEncoding.ExactValues(Output * Output), [Output, Output], ">f4", 1),
        new(NpyWriter.HeaderDict("<f4", true, [Input, Output]), TensorEncoding.Encode(TensorEncoding.ExactValues(Input * Output), 4), 1),
    ];

    /// <summary>Keras archives of <paramref name="layer"/>: named, unnamed in mixed dtypes, and one without bias.</summary>
    public static IReadOnlyList<NpzSeed> NpzSeeds(FuzzTarget layer)
    {
        int rows = layer.Rows;
        int[] biasShape = layer.KerasBiasShape;
        float[] kernel = TensorEncoding.ExactValues(Input * rows, seed: 2);
        float[] recurrent = TensorEncoding.ExactValues(Output * rows, seed: 3);
        float[] bias = TensorEncoding.ExactValues(layer.KerasBiasRows * rows, seed: 4);
        return
        [
            new([("kernel", Npy(kernel, [Input, rows], "<f4", 1)), ("recurrent_kernel", Npy(recurrent, [Output, rows], "<f4", 1)), ("bias", Npy(bias, biasShape, "<f4", 1))], Compressed: false),
            new([("arr_0", Npy(kernel, [Input, rows], "<f8", 1)), ("arr_1", Npy(recurrent, [Output, rows], "<f2", 2)), ("arr_2", Npy(bias, biasShape, ">f4", 1))], Compressed: true),
            new([("kernel", Npy(kernel, [Input, rows], "<f4", 1)), ("recurrent_kernel", Npy(recurrent, [Output, rows], "<f4", 3))], Compressed: true),
        ];
    }

    /// <summary>PyTorch files of <paramref name="layer"/>: plain, under a prefix among other tensors in mixed dtypes, and without biases.</summary>
    public static IReadOnlyList<SafetensorsSeed> SafetensorsSeeds(FuzzTarget layer)
    {
        int rows = layer.Rows;
        float[] weightIh = TensorEncoding.ExactValues(rows * Input, seed: 5);
        float[] weightHh = TensorEncoding.ExactValues(rows * Output, seed: 6);
        float[] biasIh = TensorEncoding.ExactValues(rows, seed: 7);
        float[] biasHh = TensorEncoding.ExactValues(rows, seed: 8);
        return
        [
            Safetensors(GatedFileWriter.PyTorchSafetensors(weightIh, weightHh, biasIh, biasHh, Input, Output, layer.Gates), string.Empty),
            Safetensors(
                SafetensorsWriter.Write(
                    [
                        new SafetensorsWriter.Tensor("rnn.steps", "I64", [1], new byte[8]),
                        SafetensorsWriter.FromFloats("rnn.weight_ih_l0", weightIh, [rows, Input], "F16"),
                        SafetensorsWriter.FromFloats("rnn.weight_hh_l0", weightHh, [rows, Output], "F64"),
                        SafetensorsWriter.FromFloats("rnn.weight_ih_l1", weightHh, [rows, Output], "BF16"),
                        SafetensorsWriter.FromFloats("rnn.bias_ih_l0", biasIh, [rows], "BF16"),
                        SafetensorsWriter.FromFloats("rnn.bias_hh_l0", biasHh, [rows]),
                    ],
                    new Dictionary<string, string> { ["format"] = "pt" }),
                "rnn."),
            Safetensors(GatedFileWriter.PyTorchSafetensors(weightIh, weightHh, null, null, Input, Output, layer.Gates, dtype: "F64"), string.Empty),
        ];
    }

    /// <summary>Offsets of every zip record signature, the end of each local header's fixed part and the file's end.</summary>
    public static int[] ZipBoundaries(byte[] zip)
    {
        var offsets = new List<int> { 0, zip.Length - 22, zip.Length - 1 };
        for (int i = 0; i + 4 <= zip.Length; i++)
        {
            uint signature = BinaryPrimitives.ReadUInt32LittleEndian(zip.AsSpan(i));
            if (signature is 0x04034b50 or 0x02014b50 or 0x06054b50)
            {
                offsets.Add(i);
                offsets.Add(i + 30);
            }
        }

        return [.. offsets];
    }

    private static NpySeed Npy(float[] values, int[] shape, string descr, int version)
        => new(NpyWriter.HeaderDict(descr, false, shape), TensorEncoding.Encode(values, descr[^1] - '0', descr[0] == '>'), version);

    private static SafetensorsSeed Safetensors(byte[] file, string prefix)
    {
        int headerLength = (int)BinaryPrimitives.ReadUInt64LittleEndian(file);
        return new(Encoding.UTF8.GetString(file, 8, headerLength).TrimEnd(' '), file[(8 + headerLength)..], prefix);
    }
}
