using System.Globalization;

namespace RnnGen.Generator.Helpers;

/// <summary>Invariant, round-trippable number formatting for generated code.</summary>
internal static class Invariant
{
    public static string Int(int value) => value.ToString(CultureInfo.InvariantCulture);

    /// <summary>A thousands-separated count for comments, e.g. <c>12,288</c>.</summary>
    public static string Count(long value) => value.ToString("#,0", CultureInfo.InvariantCulture);

    /// <summary>A float literal that reads back to the same bits, with the <c>f</c> suffix.</summary>
    public static string Float(float value)
    {
        // "R" is the shortest form on .NET Core hosts; G9 always round-trips where "R" would not.
        string text = value.ToString("R", CultureInfo.InvariantCulture);
        if (float.Parse(text, CultureInfo.InvariantCulture) != value)
        {
            text = value.ToString("G9", CultureInfo.InvariantCulture);
        }

        return text + "f";
    }
}
