namespace CareerCompass.Domain.Common;

/// <summary>A rule of the model was broken; <see cref="Exception.Message"/> is written for the person.</summary>
public sealed class DomainRuleException : Exception
{
    public DomainRuleException(string field, string message)
        : base(message)
    {
        Field = field;
    }

    public DomainRuleException()
    {
        Field = string.Empty;
    }

    public DomainRuleException(string message)
        : base(message)
    {
        Field = string.Empty;
    }

    public DomainRuleException(string message, Exception innerException)
        : base(message, innerException)
    {
        Field = string.Empty;
    }

    /// <summary>The name of the field the rule is about, so a page can show the message next to it.</summary>
    public string Field { get; }
}
