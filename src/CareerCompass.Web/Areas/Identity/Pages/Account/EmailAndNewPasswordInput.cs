using System.ComponentModel.DataAnnotations;

namespace CareerCompass.Web.Areas.Identity.Pages.Account;

/// <summary>The e-mail field of every account form: the one field of those that send a link to an address.</summary>
public class EmailInput
{
    [Required(ErrorMessage = "Please enter your e-mail address.")]
    [EmailAddress(ErrorMessage = "That doesn't look like an e-mail address. Please check it (for example name@example.org).")]
    [UsableEmailAddress]
    [StringLength(PasswordRules.EmailMaximumLength, ErrorMessage = "Please use an e-mail address under 256 characters.")]
    [Display(Name = "E-mail")]
    public string Email { get; set; } = string.Empty;
}

/// <summary>The fields of every form that sets a password for an e-mail: registering and resetting.</summary>
public class EmailAndNewPasswordInput : EmailInput
{
    [Required(ErrorMessage = "Please choose a password.")]
    [StringLength(PasswordRules.MaximumLength, ErrorMessage = PasswordRules.TooLong)]
    [DataType(DataType.Password)]
    [Display(Name = "Password")]
    public string Password { get; set; } = string.Empty;

    [Required(ErrorMessage = "Please type your password a second time, so we know it's the one you meant.")]
    [DataType(DataType.Password)]
    [Display(Name = "Type the password again")]
    [Compare(nameof(Password), ErrorMessage = "The two passwords don't match. Please type them again.")]
    public string ConfirmPassword { get; set; } = string.Empty;
}
