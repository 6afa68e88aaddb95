using System;
using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using System.Text;

namespace RnnGen.Runtime.Tests.Formats;

/// <summary>Writes .npy files the way <c>numpy.lib.format</c> does, plus raw variants for broken-file tests.</summary>
internal static class NpyWriter
{
    /// <summary>An array in C order with the given dtype descriptor (<c>&lt;f4</c>, <c>&gt;f8</c>, <c>&lt;f2</c>, ...).</summary>
    public static byte[] Write(float[] values, int[] shape, string descr = "<f4", int version = 1)
    {
        int elementSize = descr[^1] - '0';
        byte[] data = TensorEncoding.Encode(values, elementSize, bigEndian: descr[0] == '>');
        return WriteRaw(HeaderDict(descr, fortranOrder: false, shape), data, version);
    }

    /// <summary>An array stored in Fortran (column-major) order; <paramref name="values"/> are in C order.</summary>
    public static byte[] WriteFortran(float[] values, int[] shape)
    {
        float[] columnMajor = new float[values.Length];
        int[] index = new int[shape.Length];
        for (int c = 0; c < values.Length; c++)
        {
            int f = 0;
            for (int axis = shape.Length - 1; axis >= 0; axis--)
            {
                f = (f * shape[axis]) + index[axis];
            }

            columnMajor[f] = values[c];
            for (int axis = shape.Length - 1; axis >= 0 && ++index[axis] == shape[axis]; axis--)
            {
                index[axis] = 0;
            }
        }

        return WriteRaw(HeaderDict("<f4", fortranOrder: true, shape), TensorEncoding.Encode(columnMajor, 4), version: 1);
    }

    /// <summary>The header dict exactly as NumPy prints it.</summary>
    public static string HeaderDict(string descr, bool fortranOrder, int[] shape)
    {
        string dims = shape.Length == 1
            ? shape[0].ToString(CultureInfo.InvariantCulture) + ","
            : string.Join(", ", shape.Select(d => d.ToString(CultureInfo.InvariantCulture)));
        return "{'descr': '" + descr + "', 'fortran_order': " + (fortranOrder ? "True" : "False") + ", 'shape': (" + dims + "), }";
    }

    /// <summary>Magic, version, header length, the header padded with spaces and a newline to 64 bytes, then the data.</summary>
    public static byte[] WriteRaw(string header, byte[] data, int version = 1)
    {
        Encoding encoding = version == 3 ? Encoding.UTF8 : Encoding.Latin1;
        int lengthSize = version == 1 ? 2 : 4;
        int unpadded = 6 + 2 + lengthSize + encoding.GetByteCount(header) + 1;
        string padded = header + new string(' ', (64 - (unpadded % 64)) % 64) + "\n";
        byte[] headerBytes = encoding.GetBytes(padded);

        var file = new List<byte> { 0x93 };
        file.AddRange("NUMPY"u8.ToArray());
        file.Add((byte)version);
        file.Add(0);
        file.AddRange(BitConverter.GetBytes(headerBytes.Length).AsSpan(0, lengthSize).ToArray());
        file.AddRange(headerBytes);
        file.AddRange(data);
        return [.. file];
    }
}
