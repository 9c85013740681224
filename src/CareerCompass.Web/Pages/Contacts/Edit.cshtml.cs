using CareerCompass.Domain.Common;
using CareerCompass.Domain.Contacts;
using CareerCompass.Web.Data;
using CareerCompass.Web.Infrastructure.Authorization;
using CareerCompass.Web.Infrastructure.Persistence;
using CareerCompass.Web.Infrastructure.Sharing;
using CareerCompass.Web.Infrastructure.Time;
using FluentValidation;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;

namespace CareerCompass.Web.Pages.Contacts;

/// <summary>Add a contact, or change or delete one of the person's own. Saves based on an older version are refused.</summary>
public sealed class Edit(AppDbContext db, IAuthorizationService authorization, IValidator<Edit.InputModel> validator, PersonClock clock, Subject subject) : PageModel
{
    public const string StaleMessage =
        "This contact was changed somewhere else (perhaps in another tab) after you opened it. Your changes are still below — " +
        "reload the latest version to see what changed, then make your edits again.";

    [BindProperty]
    public InputModel Input { get; set; } = new();

    public int? Id { get; private set; }

    public bool IsStale { get; private set; }

    public async Task<IActionResult> OnGetAsync([FromRoute] int? id)
    {
        if (id is null)
        {
            return Page();
        }

        // The edit form is a change: it asks for Change, as its post does (showing a record asks for Read).
        var contact = await db.Contacts.AsNoTracking().FirstOrDefaultAsync(c => c.Id == id);
        if (!await authorization.MayAsync(User, contact, RecordOperations.Change))
        {
            return NotFound();
        }

        Id = id;
        Input = InputModel.From(contact!);
        return Page();
    }

    public async Task<IActionResult> OnPostAsync([FromRoute] int? id)
    {
        Id = id;
        Contact? contact = null;
        if (id is not null)
        {
            contact = await db.Contacts.FirstOrDefaultAsync(c => c.Id == id);
            if (!await authorization.MayAsync(User, contact, RecordOperations.Change))
            {
                return NotFound();
            }
        }
        else if (await db.Contacts.CreatedWithAsync(subject.OwnerId, Input.IdempotencyKey) is not null)
        {
            return ShowCreated();
        }

        var validation = await validator.ValidateAsync(Input);
        foreach (var error in validation.Errors)
        {
            ModelState.AddModelError($"{nameof(Input)}.{error.PropertyName}", error.ErrorMessage);
        }

        if (!ModelState.IsValid)
        {
            return Page();
        }

        var today = clock.Today;
        var result = await db.ApplyAndSaveAsync(ModelState, nameof(Input), StaleMessage, () =>
        {
            if (contact is null)
            {
                contact = Contact.Create(subject.OwnerId, Input.ToDetails(), today);
                db.Contacts.Add(contact);
                db.SetIdempotencyKey(contact, Input.IdempotencyKey);
            }
            else
            {
                db.Entry(contact).Property(c => c.Version).OriginalValue = Input.Version;
                contact.Update(Input.ToDetails(), today);
            }
        });
        if (result == SaveResult.Duplicate && await db.Contacts.CreatedWithAsync(subject.OwnerId, Input.IdempotencyKey) is not null)
        {
            return ShowCreated();
        }

        if (result != SaveResult.Saved)
        {
            IsStale = result == SaveResult.Stale;
            return Page();
        }

        TempData[StatusMessages.Key] = $"Saved {contact!.Name}.";
        return RedirectToPage("Index");
    }

    /// <summary>This new-contact form was already saved (sent twice): back to the list, where it is.</summary>
    private RedirectToPageResult ShowCreated()
    {
        TempData[StatusMessages.Key] = $"Saved {Input.Name?.Trim()}.";
        return RedirectToPage("Index");
    }

    public async Task<IActionResult> OnPostDeleteAsync([FromRoute] int id)
    {
        var contact = await db.Contacts.FirstOrDefaultAsync(c => c.Id == id);
        if (!await authorization.MayAsync(User, contact, RecordOperations.Change))
        {
            return NotFound();
        }

        var result = await db.ApplyAndSaveAsync(ModelState, nameof(Input), StaleMessage, () =>
        {
            db.Entry(contact!).Property(c => c.Version).OriginalValue = Input.Version;
            db.Contacts.Remove(contact!);
        });
        if (result != SaveResult.Saved)
        {
            (Id, IsStale) = (id, result == SaveResult.Stale);
            return Page();
        }

        TempData[StatusMessages.Key] = $"Deleted {contact!.Name}.";
        return RedirectToPage("Index");
    }

    public sealed record InputModel
    {
        public string? Name { get; init; }

        public string? Role { get; init; }

        public string? HowMet { get; init; }

        public DateOnly? LastContactOn { get; init; }

        public DateOnly? NextFollowUpOn { get; init; }

        public string? Notes { get; init; }

        public Guid Version { get; init; }

        /// <summary>New for every form shown; a new contact stores it, so the form sent twice makes one contact.</summary>
        public Guid IdempotencyKey { get; init; } = Guid.NewGuid();

        public static InputModel From(Contact c) => new()
        {
            Name = c.Name,
            Role = c.Role,
            HowMet = c.HowMet,
            LastContactOn = c.LastContactOn,
            NextFollowUpOn = c.NextFollowUpOn,
            Notes = c.Notes,
            Version = c.Version,
        };

        public ContactDetails ToDetails() => new(Name, Role, HowMet, LastContactOn, NextFollowUpOn, Notes);
    }

    public sealed class Validator : AbstractValidator<InputModel>
    {
        public Validator()
        {
            RuleFor(x => x.Name).NotEmpty().WithMessage("Please add a name so you can recognise this contact later.")
                .MaximumLength(Limits.ShortText).WithMessage($"Please keep the name under {Limits.ShortText} characters.");
            RuleFor(x => x.Role).MaximumLength(Limits.ShortText).WithMessage($"Please keep the role under {Limits.ShortText} characters.");
            RuleFor(x => x.HowMet).MaximumLength(Limits.ShortText).WithMessage($"Please keep this under {Limits.ShortText} characters.");
            RuleFor(x => x.Notes).MaximumLength(Limits.LongText).WithMessage($"Notes can be up to {Limits.LongText:N0} characters. Please shorten them a little.");
        }
    }
}
