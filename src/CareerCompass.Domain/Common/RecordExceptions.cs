namespace CareerCompass.Domain.Common;

/// <summary>
/// A change was based on an older copy of a record (another tab, a form left open): it is refused rather than
/// applied over what someone saved since.
/// </summary>
public sealed class StaleRecordException : Exception
{
    public StaleRecordException()
        : base("This changed since it was loaded.")
    {
    }

    public StaleRecordException(string message)
        : base(message)
    {
    }

    public StaleRecordException(string message, Exception innerException)
        : base(message, innerException)
    {
    }
}

/// <summary>A change named a part of a record that isn't there (removed meanwhile, or never part of it).</summary>
public sealed class RecordNotFoundException : Exception
{
    public RecordNotFoundException()
        : base("That isn't part of this record.")
    {
    }

    public RecordNotFoundException(string message)
        : base(message)
    {
    }

    public RecordNotFoundException(string message, Exception innerException)
        : base(message, innerException)
    {
    }
}
