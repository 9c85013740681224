namespace CareerCompass.Web.Infrastructure.Email;

/// <summary>Sends the application's e-mail through the configured transport (<see cref="EmailOptions.Transport"/>).</summary>
public interface IAppMailer
{
    /// <summary>Sends <paramref name="mail"/>; returns when the SMTP server has accepted it or the pickup file is written.</summary>
    Task SendAsync(AppMail mail, CancellationToken cancellationToken);
}
