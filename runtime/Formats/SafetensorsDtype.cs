using System.Collections.Generic;

namespace RnnGen.Formats;

/// <summary>
/// The dtypes of the safetensors format with their element sizes in bits. Every one is known so that a file's
/// offsets can be checked in full; only the floating-point ones listed in <see cref="TryGetFloatEncoding"/>
/// can be loaded.
/// </summary>
internal static class SafetensorsDtype
{
    private static readonly Dictionary<string, int> BitsPerElement = new()
    {
        ["BOOL"] = 8,
        ["U8"] = 8,
        ["I8"] = 8,
        ["F8_E5M2"] = 8,
        ["F8_E4M3"] = 8,
        ["F8_E8M0"] = 8,
        ["F4"] = 4,
        ["F6_E2M3"] = 6,
        ["F6_E3M2"] = 6,
        ["I16"] = 16,
        ["U16"] = 16,
        ["F16"] = 16,
        ["BF16"] = 16,
        ["I32"] = 32,
        ["U32"] = 32,
        ["F32"] = 32,
        ["I64"] = 64,
        ["U64"] = 64,
        ["F64"] = 64,
        ["C64"] = 64,
    };

    /// <summary>Bits per element, or 0 for a name the format does not define.</summary>
    public static int Bits(string dtype) => BitsPerElement.TryGetValue(dtype, out int bits) ? bits : 0;

    /// <summary>The conversion for a loadable dtype.</summary>
    public static bool TryGetFloatEncoding(string dtype, out FloatEncoding encoding)
    {
        switch (dtype)
        {
            case "F16":
                encoding = FloatEncoding.Float16;
                return true;
            case "BF16":
                encoding = FloatEncoding.BFloat16;
                return true;
            case "F32":
                encoding = FloatEncoding.Float32;
                return true;
            case "F64":
                encoding = FloatEncoding.Float64;
                return true;
            default:
                encoding = default;
                return false;
        }
    }
}
