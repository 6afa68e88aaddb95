using System;
using System.Collections.Generic;
using System.IO;
using System.Text;

namespace RnnGen.Formats;

/// <summary>
/// The dict at the start of an .npy file, e.g. <c>{'descr': '&lt;f4', 'fortran_order': False, 'shape': (3, 4), }</c>,
/// checked the way NumPy checks it: exactly these three keys, a float dtype this library can convert, a tuple
/// of non-negative integers for the shape.
/// </summary>
internal sealed class NpyHeader
{
    private static readonly UTF8Encoding StrictUtf8 = new(encoderShouldEmitUTF8Identifier: false, throwOnInvalidBytes: true);

    private NpyHeader(string descr, FloatEncoding encoding, bool bigEndian, bool fortranOrder, long[] shape)
    {
        Descr = descr;
        Encoding = encoding;
        BigEndian = bigEndian;
        FortranOrder = fortranOrder;
        Shape = shape;
    }

    /// <summary>The dtype as written, such as <c>&lt;f4</c>.</summary>
    public string Descr { get; }

    public FloatEncoding Encoding { get; }

    public bool BigEndian { get; }

    /// <summary>True when the data is stored column-major (first index fastest).</summary>
    public bool FortranOrder { get; }

    public long[] Shape { get; }

    /// <summary>Parses the header bytes; version 3 headers are UTF-8, older ones Latin-1.</summary>
    public static NpyHeader Parse(byte[] bytes, int majorVersion, string part)
    {
        string text;
        if (majorVersion >= 3)
        {
            try
            {
                text = StrictUtf8.GetString(bytes);
            }
            catch (DecoderFallbackException)
            {
                throw new InvalidDataException(part + " is not valid UTF-8.");
            }
        }
        else
        {
            char[] latin1 = new char[bytes.Length];
            for (int i = 0; i < bytes.Length; i++)
            {
                latin1[i] = (char)bytes[i];
            }

            text = new string(latin1);
        }

        PythonValue dict = PythonLiteral.Parse(text, part);
        if (dict.Kind != PythonKind.Dict)
        {
            throw new InvalidDataException(part + " is not a dict but " + dict + ".");
        }

        PythonValue? descr = null;
        PythonValue? fortranOrder = null;
        PythonValue? shape = null;
        foreach (KeyValuePair<string, PythonValue> member in dict.Members)
        {
            switch (member.Key)
            {
                case "descr":
                    descr = member.Value;
                    break;
                case "fortran_order":
                    fortranOrder = member.Value;
                    break;
                case "shape":
                    shape = member.Value;
                    break;
                default:
                    throw new InvalidDataException(part + " has the unexpected key '" + member.Key + "'; an .npy header holds exactly 'descr', 'fortran_order' and 'shape'.");
            }
        }

        if (descr is null || fortranOrder is null || shape is null)
        {
            string missing = descr is null ? "descr" : fortranOrder is null ? "fortran_order" : "shape";
            throw new InvalidDataException(part + " has no '" + missing + "' key.");
        }

        if (fortranOrder.Kind != PythonKind.Boolean)
        {
            throw new InvalidDataException(part + ": 'fortran_order' must be True or False, but it is " + fortranOrder + ".");
        }

        (FloatEncoding encoding, bool bigEndian) = ParseDescr(descr, part);
        return new NpyHeader(descr.Text, encoding, bigEndian, fortranOrder.Text == "True", ParseShape(shape, part));
    }

    private static (FloatEncoding Encoding, bool BigEndian) ParseDescr(PythonValue descr, string part)
    {
        if (descr.Kind != PythonKind.String)
        {
            throw new InvalidDataException(part + ": 'descr' is " + descr + ", a structured dtype; only plain float16, float32 and float64 arrays can be loaded.");
        }

        string text = descr.Text;
        char order = text.Length > 0 ? text[0] : '\0';
        bool hasOrder = order is '<' or '>' or '=' or '|';
        string type = hasOrder ? text.Substring(1) : text;

        // '=' and '|' mean the writer's native order; like NumPy, read them in this machine's order.
        bool bigEndian = order == '>' || (order != '<' && !BitConverter.IsLittleEndian);
        FloatEncoding? encoding = type switch
        {
            "f2" or "e" => FloatEncoding.Float16,
            "f4" or "f" => FloatEncoding.Float32,
            "f8" or "d" => FloatEncoding.Float64,
            _ => null,
        };
        if (encoding is null)
        {
            throw new InvalidDataException(part + ": dtype '" + text + "' is not supported; the array must be float16, float32 or float64 ('<f2', '<f4', '<f8').");
        }

        return (encoding.Value, bigEndian);
    }

    private static long[] ParseShape(PythonValue shape, string part)
    {
        if (shape.Kind != PythonKind.Tuple)
        {
            throw new InvalidDataException(part + ": 'shape' must be a tuple of integers, but it is " + shape + ".");
        }

        long[] dimensions = new long[shape.Items.Count];
        for (int i = 0; i < dimensions.Length; i++)
        {
            PythonValue item = shape.Items[i];
            if (item.Kind != PythonKind.Integer || item.Integer < 0)
            {
                throw new InvalidDataException(part + ": 'shape' must be a tuple of non-negative integers, but it is " + shape + ".");
            }

            dimensions[i] = item.Integer;
        }

        return dimensions;
    }
}
