using System;
using System.IO;

namespace RnnGen.Formats;

/// <summary>
/// Reads one NumPy .npy array (format versions 1.0, 2.0 and 3.0) of float16, float32 or float64, either byte
/// order, C or Fortran order, into a row-major float32 <see cref="TensorData"/>.
/// </summary>
internal static class NpyReader
{
    private static readonly byte[] Magic = [0x93, (byte)'N', (byte)'U', (byte)'M', (byte)'P', (byte)'Y'];

    /// <summary>Reads a whole .npy file, in any shape.</summary>
    public static TensorFile ReadFile(Stream stream, string name)
    {
        string[] names = [name];
        TensorData tensor = Read(stream, name, "npy file", TensorSelection.All(names));
        return new TensorFile("npy", names, new() { [name] = tensor });
    }

    /// <summary>Reads one array and requires the stream to end right after its data.</summary>
    /// <param name="stream">Positioned at the magic string.</param>
    /// <param name="name">The array's name for the result and for messages.</param>
    /// <param name="part">Where the array is, for messages: <c>npy file</c>, <c>npz entry 'kernel.npy'</c>.</param>
    /// <param name="selection">Checks the declared shape before any data is read.</param>
    public static TensorData Read(Stream stream, string name, string part, TensorSelection selection)
    {
        byte[] prefix = StreamReading.ReadExactly(stream, Magic.Length + 2, part + " magic and version");
        for (int i = 0; i < Magic.Length; i++)
        {
            if (prefix[i] != Magic[i])
            {
                throw new InvalidDataException(FormattableString.Invariant(
                    $"{part} does not start with the .npy magic string \\x93NUMPY (found {BitConverter.ToString(prefix, 0, Magic.Length)})."));
            }
        }

        int major = prefix[Magic.Length];
        int minor = prefix[Magic.Length + 1];
        if (major is < 1 or > 3 || minor != 0)
        {
            throw new InvalidDataException(FormattableString.Invariant($"{part} has .npy format version {major}.{minor}; versions 1.0, 2.0 and 3.0 are supported."));
        }

        // Version 1.0 stores the header length in two bytes, later versions in four; both little-endian.
        int lengthSize = major == 1 ? 2 : 4;
        byte[] lengthBytes = StreamReading.ReadExactly(stream, lengthSize, part + " header length");
        long headerLength = 0;
        for (int i = lengthSize - 1; i >= 0; i--)
        {
            headerLength = (headerLength << 8) | lengthBytes[i];
        }

        if (headerLength > FormatLimits.MaxNpyHeaderBytes)
        {
            throw new InvalidDataException(FormattableString.Invariant($"{part} declares a {headerLength}-byte header; the limit is {FormatLimits.MaxNpyHeaderBytes} bytes."));
        }

        byte[] headerBytes = StreamReading.ReadExactly(stream, headerLength, part + " header");
        NpyHeader header = NpyHeader.Parse(headerBytes, major, part + " header");

        string owner = part + " (dtype '" + header.Descr + "')";
        long count = ShapeMath.ElementCount(header.Shape, owner);
        selection.CheckShape(name, header.Shape);
        long byteCount = count * FloatDecoding.ByteSize(header.Encoding);
        ShapeMath.CheckLoadable(byteCount, owner);
        int[] shape = ShapeMath.ToInt32(header.Shape, owner);

        byte[] bytes = StreamReading.ReadExactly(stream, byteCount, FormattableString.Invariant($"{part} data for shape {TensorData.FormatShape(header.Shape)}"));
        if (StreamReading.HasMoreBytes(stream))
        {
            throw new InvalidDataException(FormattableString.Invariant($"{part} has bytes after the {byteCount} data bytes that its shape {TensorData.FormatShape(header.Shape)} needs."));
        }

        float[] values = FloatDecoding.Decode(bytes, 0, (int)count, header.Encoding, header.BigEndian);
        if (header.FortranOrder && shape.Length > 1)
        {
            values = FortranToRowMajor(values, shape);
        }

        return new TensorData(name, shape, values);
    }

    /// <summary>
    /// Reorders column-major data (first index fastest) into row-major order. Walks the destination in row-major
    /// order with an odometer over the indices and keeps the matching source offset in step.
    /// </summary>
    private static float[] FortranToRowMajor(float[] source, int[] shape)
    {
        float[] destination = new float[source.Length];
        if (source.Length == 0)
        {
            return destination;
        }

        int rank = shape.Length;
        long[] sourceStride = new long[rank];
        long stride = 1;
        for (int axis = 0; axis < rank; axis++)
        {
            sourceStride[axis] = stride;
            stride *= shape[axis];
        }

        int[] index = new int[rank];
        long sourceOffset = 0;
        for (int d = 0; d < destination.Length; d++)
        {
            destination[d] = source[sourceOffset];
            for (int axis = rank - 1; axis >= 0; axis--)
            {
                index[axis]++;
                sourceOffset += sourceStride[axis];
                if (index[axis] < shape[axis])
                {
                    break;
                }

                sourceOffset -= sourceStride[axis] * shape[axis];
                index[axis] = 0;
            }
        }

        return destination;
    }
}
