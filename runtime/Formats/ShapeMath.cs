using System;
using System.IO;

namespace RnnGen.Formats;

/// <summary>Element and byte counts of declared shapes, with every overflow reported as a malformed file.</summary>
internal static class ShapeMath
{
    /// <summary>Largest element count the readers accept, so that counts times element sizes stay in range.</summary>
    private const long MaxElements = long.MaxValue / 64;

    /// <summary>The product of the dimensions; throws when one is negative or the product overflows.</summary>
    public static long ElementCount(long[] shape, string owner)
    {
        long count = 1;
        foreach (long dimension in shape)
        {
            if (dimension < 0)
            {
                throw new InvalidDataException(FormattableString.Invariant($"{owner} has shape {TensorData.FormatShape(shape)} with a negative dimension."));
            }

            if (dimension != 0 && count > MaxElements / dimension)
            {
                throw new InvalidDataException(FormattableString.Invariant($"{owner} has shape {TensorData.FormatShape(shape)}, whose element count overflows."));
            }

            count *= dimension;
        }

        return count;
    }

    /// <summary>The shape as <c>int</c>s, for a tensor that is about to be loaded into a float array.</summary>
    public static int[] ToInt32(long[] shape, string owner)
    {
        int[] dimensions = new int[shape.Length];
        for (int i = 0; i < shape.Length; i++)
        {
            if (shape[i] > int.MaxValue)
            {
                throw new InvalidDataException(FormattableString.Invariant($"{owner} has shape {TensorData.FormatShape(shape)}, whose dimension {i} is too large to load."));
            }

            dimensions[i] = (int)shape[i];
        }

        return dimensions;
    }

    /// <summary>Throws when a tensor that is about to be loaded would exceed <see cref="FormatLimits.MaxTensorBytes"/>.</summary>
    public static void CheckLoadable(long byteCount, string owner)
    {
        if (byteCount > FormatLimits.MaxTensorBytes)
        {
            throw new InvalidDataException(FormattableString.Invariant($"{owner} holds {byteCount} bytes, more than the {FormatLimits.MaxTensorBytes}-byte limit for one tensor."));
        }
    }
}
