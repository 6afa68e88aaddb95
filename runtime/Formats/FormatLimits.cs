namespace RnnGen.Formats;

/// <summary>
/// Upper bounds the readers enforce before they allocate. A file that claims more is treated as malformed,
/// so a corrupt or hostile size field can never make a reader allocate or read without bound.
/// </summary>
internal static class FormatLimits
{
    /// <summary>The safetensors header limit used by the reference implementation.</summary>
    public const long MaxSafetensorsHeaderBytes = 100_000_000;

    /// <summary>An .npy header is a short dict; NumPy itself refuses headers over 10 000 bytes by default.</summary>
    public const long MaxNpyHeaderBytes = 1 << 20;

    /// <summary>The raw bytes of one tensor; far beyond any layer this library can unroll.</summary>
    public const long MaxTensorBytes = 1L << 30;

    /// <summary>The bytes of a whole .npz read from a stream that cannot seek (it is copied to memory first).</summary>
    public const long MaxArchiveBytes = 1L << 30;

    /// <summary>
    /// Entries of one weight file: members of an .npz archive, tensors of a safetensors header. A layer needs three or
    /// four and a whole model has a few hundred; every entry costs the reader a record in memory whether it is needed
    /// or not, so this bounds what entries a load never uses can cost.
    /// </summary>
    public const int MaxEntries = 4096;

    /// <summary>
    /// The central directory of an .npz: 256 bytes per entry at <see cref="MaxEntries"/>, where an entry NumPy writes
    /// takes about sixty. The zip library keeps each entry's name twice, so long names would cost more than many entries.
    /// </summary>
    public const long MaxZipDirectoryBytes = 1L << 20;

    /// <summary>Nesting depth of JSON and of Python literals; real headers nest two or three levels.</summary>
    public const int MaxNestingDepth = 64;

    /// <summary>
    /// Values in one JSON header: sixteen per entry at <see cref="MaxEntries"/>, where a tensor takes about ten (its
    /// object, dtype, shape and offsets). The parsed header costs about 300 bytes per value, so this bounds it to
    /// about 20 MB whatever the header spends its values on.
    /// </summary>
    public const int MaxJsonValues = 16 * MaxEntries;
}
