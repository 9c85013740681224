namespace CareerCompass.Web.Infrastructure.Email;

public enum EmailTransport
{
    /// <summary>Write every message as an RFC 822 .eml file to a folder (the embedded default).</summary>
    Pickup,

    /// <summary>Hand every message to an SMTP server.</summary>
    Smtp,
}

public sealed class EmailOptions
{
    public const string Section = "Email";

    public EmailTransport Transport { get; set; } = EmailTransport.Pickup;

    public string From { get; set; } = "CareerCompass <no-reply@careercompass.local>";

    /// <summary>Where the pickup transport writes .eml files; relative paths are under the app's data root.</summary>
    public string PickupDirectory { get; set; } = "data/mail";

    public SmtpOptions Smtp { get; set; } = new();
}

public sealed class SmtpOptions
{
    public string Host { get; set; } = "localhost";

    public int Port { get; set; } = 25;

    public bool EnableTls { get; set; }

    public string? UserName { get; set; }

    public string? Password { get; set; }

    public int TimeoutSeconds { get; set; } = 30;
}
