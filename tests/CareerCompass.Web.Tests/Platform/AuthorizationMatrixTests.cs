using System.Net;
using CareerCompass.Web.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace CareerCompass.Web.Tests.Platform;

public enum Persona
{
    Anonymous,
    Owner,
    Other,

    /// <summary>A counsellor the owner shares their plan and reflection with.</summary>
    Counsellor,

    /// <summary>A counsellor the owner shares only their plan with.</summary>
    PlanOnlyCounsellor,

    /// <summary>A counsellor whose grant from the owner was revoked.</summary>
    RevokedCounsellor,

    /// <summary>A counsellor the owner never invited (no clients at all).</summary>
    UngrantedCounsellor,

    /// <summary>A counsellor with a client of their own (Other), who is not the owner's counsellor.</summary>
    OtherCounsellor,
}

public enum Outcome
{
    /// <summary>200 and the page.</summary>
    Ok,

    /// <summary>Sent to the sign-in page.</summary>
    SignIn,

    /// <summary>404: the record is not theirs, and they don't learn that it exists.</summary>
    NotFound,

    /// <summary>A form accepted: 302 to the next page.</summary>
    Saved,

    /// <summary>Signed in but without the role the page needs: sent to the "no access" page.</summary>
    Forbidden,
}

/// <summary>
/// Every route × anonymous / owner / another person. Later features add rows here (and a counsellor column
/// with and without a grant). <c>{contact}</c> in a path stands for a record the owner created.
/// </summary>
public sealed class AuthorizationMatrixTests(AuthorizationMatrixTests.World world) : IClassFixture<AuthorizationMatrixTests.World>
{
    private static readonly Persona[] CounsellorPersonas =
        [Persona.Counsellor, Persona.PlanOnlyCounsellor, Persona.RevokedCounsellor, Persona.UngrantedCounsellor, Persona.OtherCounsellor];

    /// <summary>
    /// The counsellor's copies of the owner's pages (<c>{client}</c> is the owner's id): shown to a counsellor whose
    /// live grant covers the page, 404 for every other counsellor and signed-in person — and every post, from anyone
    /// but the owner, is a 404 that changes nothing.
    /// </summary>
    private static readonly (string Path, bool Reflection)[] ClientPages =
    [
        ("/Counsellor/Clients/{client}", false),
        ("/Counsellor/Clients/{client}/Goals", false),
        ("/Counsellor/Clients/{client}/Goals/{goal}", false),
        ("/Counsellor/Clients/{client}/Reviews", false),
        ("/Counsellor/Clients/{client}/Reflection/Summary", true),
        ("/Counsellor/Clients/{client}/Reflection/Interests", true),
        ("/Counsellor/Clients/{client}/Reflection/Values", true),
        ("/Counsellor/Clients/{client}/Reflection/Strengths", true),
        ("/Counsellor/Clients/{client}/Reflection/Experiences", true),
        ("/Counsellor/Clients/{client}/Reflection/Priorities", true),
        ("/Counsellor/Clients/{client}/Reflection/Vision", true),
        ("/Counsellor/Clients/{client}/Reflection/Options", true),
    ];

    private static readonly string[] ClientPosts =
    [
        "/Counsellor/Clients/{client}/Goals/{goal}?handler=Status",
        "/Counsellor/Clients/{client}/Goals/{goal}?handler=AddMilestone",
        "/Counsellor/Clients/{client}/Goals/{goal}?handler=MilestoneStatus",
        "/Counsellor/Clients/{client}/Goals/{goal}?handler=MilestoneDone",
        "/Counsellor/Clients/{client}/Goals/{goal}?handler=MoveMilestone",
        "/Counsellor/Clients/{client}/Goals/{goal}?handler=RescheduleMilestone",
        "/Counsellor/Clients/{client}/Goals/{goal}?handler=DeleteMilestone",
        "/Counsellor/Clients/{client}/Goals/{goal}?handler=AddPlanItem",
        "/Counsellor/Clients/{client}/Goals/{goal}?handler=DeletePlanItem",
        "/Counsellor/Clients/{client}/Reviews?handler=Start",
        "/Counsellor/Clients/{client}/Reviews?handler=LifeChange",
        "/Counsellor/Clients/{client}/Reviews/{review}",
        "/Counsellor/Clients/{client}/Reflection/Vision",
        "/Counsellor/Clients/{client}/Reflection/Vision?handler=Save",
        "/Counsellor/Clients/{client}/Reflection/Vision?handler=Autosave",
        "/Counsellor/Clients/{client}/Reflection/Values?handler=Remove",
        "/Counsellor/Clients/{client}/Comments?handler=Edit",
        "/Counsellor/Clients/{client}/Comments?handler=Delete",
    ];

    /// <summary>
    /// Every row below, and for each counsellor column: on the owner's own addresses a counsellor is just another
    /// person (what <see cref="Persona.Other"/> gets, they get — a record of the owner's is a 404 even with a grant:
    /// a counsellor reads it only at the client's address); then the client addresses.
    /// </summary>
    public static TheoryData<string, string, Persona, Outcome> Routes
    {
        get
        {
            var rows = new TheoryData<string, string, Persona, Outcome>();
            foreach (var (method, path, persona, outcome) in OwnRoutes)
            {
                rows.Add(method, path, persona, outcome);
                if (persona == Persona.Other && !path.StartsWith("/Counsellor", StringComparison.Ordinal))
                {
                    foreach (var counsellor in CounsellorPersonas)
                    {
                        rows.Add(method, path, counsellor, outcome);
                    }
                }
            }

            foreach (var (path, reflection) in ClientPages)
            {
                rows.Add("GET", path, Persona.Anonymous, Outcome.SignIn);
                rows.Add("GET", path, Persona.Owner, Outcome.NotFound);
                rows.Add("GET", path, Persona.Other, Outcome.NotFound);
                rows.Add("GET", path, Persona.Counsellor, Outcome.Ok);
                rows.Add("GET", path, Persona.PlanOnlyCounsellor, reflection ? Outcome.NotFound : Outcome.Ok);
                rows.Add("GET", path, Persona.RevokedCounsellor, Outcome.NotFound);
                rows.Add("GET", path, Persona.UngrantedCounsellor, Outcome.NotFound);
                rows.Add("GET", path, Persona.OtherCounsellor, Outcome.NotFound);
            }

            foreach (var counsellor in CounsellorPersonas)
            {
                rows.Add("GET", "/Counsellor", counsellor, Outcome.Ok);
                rows.Add("GET", "/Counsellor/Invitations", counsellor, Outcome.Ok);
            }

            // The review in progress is the client's work until it's complete, even for their counsellor.
            rows.Add("GET", "/Counsellor/Clients/{client}/Reviews/{review}", Persona.Counsellor, Outcome.NotFound);
            rows.Add("GET", "/Counsellor/Clients/{client}/Goals/999999", Persona.Counsellor, Outcome.NotFound);
            rows.Add("GET", "/Counsellor/Clients/{other}/Goals", Persona.Counsellor, Outcome.NotFound);
            rows.Add("GET", "/Counsellor/Clients/{other}", Persona.OtherCounsellor, Outcome.Ok);
            rows.Add("GET", "/Counsellor/Clients/not-a-person/Goals", Persona.Counsellor, Outcome.NotFound);
            // Comments are the one thing a counsellor sends: on what their live grant lets them read.
            const string comment = "/Counsellor/Clients/{client}/Comments?handler=Write&target=Goal&targetId={goal}";
            rows.Add("POST", comment, Persona.Anonymous, Outcome.SignIn);
            rows.Add("POST", comment, Persona.Owner, Outcome.NotFound);
            rows.Add("POST", comment, Persona.Other, Outcome.NotFound);
            rows.Add("POST", comment, Persona.Counsellor, Outcome.Saved);
            rows.Add("POST", comment, Persona.PlanOnlyCounsellor, Outcome.Saved);
            rows.Add("POST", comment, Persona.RevokedCounsellor, Outcome.NotFound);
            rows.Add("POST", comment, Persona.UngrantedCounsellor, Outcome.NotFound);
            rows.Add("POST", comment, Persona.OtherCounsellor, Outcome.NotFound);
            rows.Add("POST", "/Counsellor/Clients/{client}/Comments?handler=Write&target=Review&targetId={review}", Persona.Counsellor, Outcome.NotFound);
            rows.Add("POST", "/Counsellor/Clients/{other}/Comments?handler=Write&target=Goal&targetId={goal}", Persona.OtherCounsellor, Outcome.NotFound);

            // The occupation page is not a shared page: there is no client address to draft a goal at, for anyone.
            const string draft = "/Counsellor/Clients/{client}/Reflection/Occupations/29-1141.00?handler=DraftGoal";
            foreach (var persona in Enum.GetValues<Persona>())
            {
                rows.Add("POST", draft, persona, Outcome.NotFound);
            }

            foreach (var path in ClientPosts)
            {
                rows.Add("POST", path, Persona.Anonymous, Outcome.SignIn);
                rows.Add("POST", path, Persona.Owner, Outcome.NotFound);
                rows.Add("POST", path, Persona.Other, Outcome.NotFound);
                foreach (var counsellor in CounsellorPersonas)
                {
                    rows.Add("POST", path, counsellor, Outcome.NotFound);
                }
            }

            return rows;
        }
    }

    private static (string Method, string Path, Persona Persona, Outcome Outcome)[] OwnRoutes =>
    [
        ("GET", "/", Persona.Anonymous, Outcome.Ok),
        ("GET", "/", Persona.Owner, Outcome.Ok),
        ("GET", "/Privacy", Persona.Anonymous, Outcome.Ok),
        ("GET", "/health", Persona.Anonymous, Outcome.Ok),
        ("GET", "/health/live", Persona.Anonymous, Outcome.Ok),
        ("GET", "/health/ready", Persona.Anonymous, Outcome.Ok),
        ("GET", "/health/ready", Persona.Owner, Outcome.Ok),
        ("GET", "/Identity/Account/Login", Persona.Anonymous, Outcome.Ok),
        ("GET", "/Identity/Account/Register", Persona.Anonymous, Outcome.Ok),
        ("GET", "/Identity/Account/Manage", Persona.Anonymous, Outcome.SignIn),
        ("GET", "/Identity/Account/Manage", Persona.Owner, Outcome.Ok),
        ("GET", "/Identity/Account/Manage/ChangePassword", Persona.Anonymous, Outcome.SignIn),
        ("GET", "/Identity/Account/Manage/ChangePassword", Persona.Owner, Outcome.Ok),
        ("GET", "/Identity/Account/Manage/PersonalData", Persona.Anonymous, Outcome.SignIn),
        ("GET", "/Identity/Account/Manage/TwoFactorAuthentication", Persona.Owner, Outcome.Ok),
        ("GET", "/Identity/Account/Manage/EnableAuthenticator", Persona.Owner, Outcome.Ok),
        ("GET", "/Identity/Account/Manage/EnableAuthenticator", Persona.Anonymous, Outcome.SignIn),
        ("GET", "/Identity/Account/Manage/ResetAuthenticator", Persona.Owner, Outcome.Ok),
        ("GET", "/Identity/Account/Manage/ShowRecoveryCodes", Persona.Anonymous, Outcome.SignIn),
        ("GET", "/Identity/Account/Manage/ExternalLogins", Persona.Owner, Outcome.NotFound),
        ("GET", "/Identity/Account/Manage/SetPassword", Persona.Owner, Outcome.NotFound),
        ("GET", "/Identity/Account/ExternalLogin", Persona.Anonymous, Outcome.NotFound),
        ("GET", "/Identity/Account/ConfirmEmail", Persona.Anonymous, Outcome.Ok),
        ("GET", "/Identity/Account/ConfirmEmailChange", Persona.Anonymous, Outcome.Ok),
        ("GET", "/Identity/Account/ForgotPasswordConfirmation", Persona.Anonymous, Outcome.Ok),
        ("GET", "/Identity/Account/ResetPasswordConfirmation", Persona.Anonymous, Outcome.Ok),
        ("GET", "/Identity/Account/Lockout", Persona.Anonymous, Outcome.Ok),
        ("GET", "/Identity/Account/Deleted", Persona.Anonymous, Outcome.Ok),
        ("GET", "/Contacts", Persona.Anonymous, Outcome.SignIn),
        ("GET", "/Contacts", Persona.Owner, Outcome.Ok),
        ("GET", "/Contacts", Persona.Other, Outcome.Ok),
        ("GET", "/Contacts/Edit", Persona.Anonymous, Outcome.SignIn),
        ("GET", "/Contacts/Edit", Persona.Other, Outcome.Ok),
        ("GET", "/Contacts/Edit/{contact}", Persona.Anonymous, Outcome.SignIn),
        ("GET", "/Contacts/Edit/{contact}", Persona.Owner, Outcome.Ok),
        ("GET", "/Contacts/Edit/{contact}", Persona.Other, Outcome.NotFound),
        ("POST", "/Contacts/Edit/{contact}", Persona.Anonymous, Outcome.SignIn),
        ("POST", "/Contacts/Edit/{contact}", Persona.Other, Outcome.NotFound),
        ("POST", "/Contacts/Edit/{contact}", Persona.Owner, Outcome.Saved),
        ("POST", "/Contacts/Edit/{contact}?handler=Delete", Persona.Anonymous, Outcome.SignIn),
        ("POST", "/Contacts/Edit/{contact}?handler=Delete", Persona.Other, Outcome.NotFound),
        ("GET", "/Contacts/Edit/999999", Persona.Owner, Outcome.NotFound),

        ("GET", "/Goals", Persona.Anonymous, Outcome.SignIn),
        ("GET", "/Goals", Persona.Owner, Outcome.Ok),
        ("GET", "/Goals/Edit", Persona.Anonymous, Outcome.SignIn),
        ("GET", "/Goals/Edit", Persona.Owner, Outcome.Ok),
        ("GET", "/Goals/{goal}", Persona.Anonymous, Outcome.SignIn),
        ("GET", "/Goals/{goal}", Persona.Owner, Outcome.Ok),
        ("GET", "/Goals/{goal}", Persona.Other, Outcome.NotFound),
        ("GET", "/Goals/Edit/{goal}", Persona.Other, Outcome.NotFound),
        ("POST", "/Goals/Edit/{goal}", Persona.Anonymous, Outcome.SignIn),
        ("POST", "/Goals/Edit/{goal}", Persona.Other, Outcome.NotFound),
        ("POST", "/Goals/{goal}?handler=Status", Persona.Other, Outcome.NotFound),
        ("POST", "/Goals/{goal}?handler=AddMilestone", Persona.Other, Outcome.NotFound),
        ("POST", "/Goals/{goal}?handler=MilestoneDone", Persona.Other, Outcome.NotFound),
        ("POST", "/Goals/{goal}?handler=AddPlanItem", Persona.Other, Outcome.NotFound),
        ("POST", "/Goals/{goal}?handler=DeletePlanItem", Persona.Other, Outcome.NotFound),
        ("GET", "/Goals/999999", Persona.Owner, Outcome.NotFound),
        // The printable plan is always the signed-in person's own (another person sees their own, empty one).
        ("GET", "/Goals/Print", Persona.Anonymous, Outcome.SignIn),
        ("GET", "/Goals/Print", Persona.Owner, Outcome.Ok),
        ("GET", "/Goals/Print", Persona.Other, Outcome.Ok),
        ("GET", "/Comments", Persona.Owner, Outcome.NotFound),

        // Sharing is always the signed-in person's own; the counsellor's workspace needs the Counsellor role.
        ("GET", "/Sharing", Persona.Anonymous, Outcome.SignIn),
        ("GET", "/Sharing", Persona.Owner, Outcome.Ok),
        ("GET", "/Sharing", Persona.Other, Outcome.Ok),
        ("GET", "/Counsellor", Persona.Anonymous, Outcome.SignIn),
        ("GET", "/Counsellor", Persona.Owner, Outcome.Forbidden),
        ("GET", "/Counsellor", Persona.Other, Outcome.Forbidden),
        ("GET", "/Counsellor/Invitations", Persona.Anonymous, Outcome.SignIn),
        ("GET", "/Counsellor/Invitations", Persona.Other, Outcome.Forbidden),
        ("POST", "/Comments?handler=Write&target=Goal&targetId={goal}", Persona.Anonymous, Outcome.SignIn),
        ("POST", "/Comments?handler=Write&target=Goal&targetId={goal}", Persona.Other, Outcome.NotFound),
        ("POST", "/Comments?handler=Write&target=Milestone&targetId=999999", Persona.Owner, Outcome.NotFound),
        ("POST", "/Comments?handler=Write&target=Review&targetId={review}", Persona.Other, Outcome.NotFound),
        ("GET", "/AboutData", Persona.Anonymous, Outcome.Ok),
        ("GET", "/Reflection/Occupations", Persona.Anonymous, Outcome.SignIn),
        ("GET", "/Reflection/Occupations", Persona.Owner, Outcome.Ok),
        ("POST", "/Reflection/Occupations?handler=Preparation", Persona.Anonymous, Outcome.SignIn),
        ("POST", "/Reflection/Occupations?handler=Preparation", Persona.Owner, Outcome.Saved),
        ("GET", "/Reflection/Occupations/29-1141.00", Persona.Anonymous, Outcome.SignIn),
        ("GET", "/Reflection/Occupations/29-1141.00", Persona.Owner, Outcome.Ok),
        // Drafting a goal from an occupation's skill gap: always from the signed-in person's own strengths, for them.
        ("POST", "/Reflection/Occupations/29-1141.00?handler=DraftGoal", Persona.Anonymous, Outcome.SignIn),
        ("POST", "/Reflection/Occupations/29-1141.00?handler=DraftGoal", Persona.Owner, Outcome.Saved),
        ("POST", "/Reflection/Occupations/29-1141.00?handler=DraftGoal", Persona.Other, Outcome.Saved),
        ("POST", "/Reflection/Occupations/99-9999.99?handler=DraftGoal", Persona.Owner, Outcome.NotFound),

        // The reflection is always the signed-in person's own: no route names another person's steps.
        ("GET", "/Reflection", Persona.Anonymous, Outcome.SignIn),
        ("GET", "/Reflection/Interests", Persona.Anonymous, Outcome.SignIn),
        ("GET", "/Reflection/Interests", Persona.Owner, Outcome.Ok),
        ("GET", "/Reflection/Values", Persona.Anonymous, Outcome.SignIn),
        ("GET", "/Reflection/Values", Persona.Owner, Outcome.Ok),
        ("GET", "/Reflection/Strengths", Persona.Anonymous, Outcome.SignIn),
        ("GET", "/Reflection/Strengths", Persona.Owner, Outcome.Ok),
        ("GET", "/Reflection/Experiences", Persona.Anonymous, Outcome.SignIn),
        ("GET", "/Reflection/Experiences", Persona.Owner, Outcome.Ok),
        ("GET", "/Reflection/Priorities", Persona.Anonymous, Outcome.SignIn),
        ("GET", "/Reflection/Priorities", Persona.Owner, Outcome.Ok),
        ("GET", "/Reflection/Vision", Persona.Anonymous, Outcome.SignIn),
        ("GET", "/Reflection/Vision", Persona.Owner, Outcome.Ok),
        ("GET", "/Reflection/Options", Persona.Anonymous, Outcome.SignIn),
        ("GET", "/Reflection/Options", Persona.Owner, Outcome.Ok),
        ("GET", "/Reflection/Summary", Persona.Anonymous, Outcome.SignIn),
        ("GET", "/Reflection/Summary", Persona.Owner, Outcome.Ok),
        ("POST", "/Reflection/Vision?handler=Autosave", Persona.Anonymous, Outcome.SignIn),

        // Settings are always the signed-in person's own.
        ("GET", "/Settings", Persona.Anonymous, Outcome.SignIn),
        ("GET", "/Settings", Persona.Owner, Outcome.Ok),
        ("GET", "/Settings", Persona.Other, Outcome.Ok),
        ("POST", "/Settings?handler=TimeZone", Persona.Anonymous, Outcome.SignIn),
        ("POST", "/Settings?handler=Reviews", Persona.Anonymous, Outcome.SignIn),
        ("GET", "/Reminders/Off", Persona.Anonymous, Outcome.NotFound),
        ("GET", "/Reminders/Off", Persona.Owner, Outcome.NotFound),
        ("POST", "/Reminders/Off?t=forged", Persona.Other, Outcome.NotFound),

        // The calendar: the download, the page and "make a new private address" are always the signed-in person's
        // own (no route names another person's schedule), so another person gets theirs. The private address needs no
        // sign-in: its token is the key, whoever holds it; an unknown one is a 404 for everyone.
        ("GET", "/Reviews/calendar.ics", Persona.Anonymous, Outcome.SignIn),
        ("GET", "/Reviews/calendar.ics", Persona.Owner, Outcome.Ok),
        ("GET", "/Reviews/calendar.ics", Persona.Other, Outcome.Ok),
        ("GET", "/Reviews/Calendar", Persona.Anonymous, Outcome.SignIn),
        ("GET", "/Reviews/Calendar", Persona.Owner, Outcome.Ok),
        ("GET", "/Reviews/Calendar", Persona.Other, Outcome.Ok),
        ("POST", "/Reviews/Calendar?handler=Renew", Persona.Anonymous, Outcome.SignIn),
        ("POST", "/Reviews/Calendar?handler=Renew", Persona.Other, Outcome.Saved),
        ("POST", "/Reviews/Calendar?handler=Renew", Persona.Owner, Outcome.Saved),
        ("GET", "/calendar/{calendar-token}.ics", Persona.Anonymous, Outcome.Ok),
        ("GET", "/calendar/{calendar-token}.ics", Persona.Owner, Outcome.Ok),
        ("GET", "/calendar/{calendar-token}.ics", Persona.Other, Outcome.Ok),
        ("GET", "/calendar/AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA.ics", Persona.Anonymous, Outcome.NotFound),
        ("GET", "/calendar/AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA.ics", Persona.Owner, Outcome.NotFound),

        // Reviews: the list is always the signed-in person's own; a review's pages name it, and are checked against it.
        ("GET", "/Reviews", Persona.Anonymous, Outcome.SignIn),
        ("GET", "/Reviews", Persona.Owner, Outcome.Ok),
        ("GET", "/Reviews", Persona.Other, Outcome.Ok),
        ("POST", "/Reviews?handler=Start", Persona.Anonymous, Outcome.SignIn),
        ("POST", "/Reviews?handler=LifeChange", Persona.Anonymous, Outcome.SignIn),
        ("GET", "/Reviews/{review}", Persona.Anonymous, Outcome.SignIn),
        ("GET", "/Reviews/{review}", Persona.Owner, Outcome.Ok),
        ("GET", "/Reviews/{review}", Persona.Other, Outcome.NotFound),
        ("POST", "/Reviews/{review}", Persona.Other, Outcome.NotFound),
        ("GET", "/Reviews/999999", Persona.Owner, Outcome.NotFound),
        ("GET", "/Reviews/{review}/look-back", Persona.Anonymous, Outcome.SignIn),
        ("GET", "/Reviews/{review}/look-back", Persona.Owner, Outcome.Ok),
        ("GET", "/Reviews/{review}/look-back", Persona.Other, Outcome.NotFound),
        ("POST", "/Reviews/{review}/look-back", Persona.Anonymous, Outcome.SignIn),
        ("POST", "/Reviews/{review}/look-back", Persona.Other, Outcome.NotFound),
        ("POST", "/Reviews/{review}/look-back?handler=Autosave", Persona.Anonymous, Outcome.SignIn),
        ("POST", "/Reviews/{review}/look-back?handler=Autosave", Persona.Other, Outcome.NotFound),
        ("GET", "/Reviews/{review}/goals", Persona.Anonymous, Outcome.SignIn),
        ("GET", "/Reviews/{review}/goals", Persona.Owner, Outcome.Ok),
        ("GET", "/Reviews/{review}/goals", Persona.Other, Outcome.NotFound),
        ("POST", "/Reviews/{review}/goals", Persona.Other, Outcome.NotFound),
        ("POST", "/Reviews/{review}/goals?handler=Back", Persona.Other, Outcome.NotFound),
        ("POST", "/Reviews/{review}/goals?handler=Autosave", Persona.Other, Outcome.NotFound),
        ("GET", "/Reviews/{review}/new-goals", Persona.Anonymous, Outcome.SignIn),
        ("GET", "/Reviews/{review}/new-goals", Persona.Owner, Outcome.Ok),
        ("GET", "/Reviews/{review}/new-goals", Persona.Other, Outcome.NotFound),
        ("POST", "/Reviews/{review}/new-goals", Persona.Other, Outcome.NotFound),
        ("GET", "/Reviews/{review}/summary", Persona.Anonymous, Outcome.SignIn),
        ("GET", "/Reviews/{review}/summary", Persona.Owner, Outcome.Ok),
        ("GET", "/Reviews/{review}/summary", Persona.Other, Outcome.NotFound),
        ("POST", "/Reviews/{review}/summary?handler=Complete", Persona.Anonymous, Outcome.SignIn),
        ("POST", "/Reviews/{review}/summary?handler=Complete", Persona.Other, Outcome.NotFound),
        ("GET", "/Reviews/999999/summary", Persona.Owner, Outcome.NotFound),
        ("GET", "/Goals/Edit/{goal}?review={review}", Persona.Owner, Outcome.Ok),
        ("GET", "/Goals/Edit/{goal}?review={review}", Persona.Other, Outcome.NotFound),
    ];

    [Theory]
    [MemberData(nameof(Routes))]
    public async Task Route_answers_each_person_as_it_should(string method, string path, Persona persona, Outcome expected)
    {
        var ownersToken = await world.OwnersCalendarTokenAsync();
        var url = path.Replace("{calendar-token}", ownersToken, StringComparison.Ordinal).Replace("{contact}", world.ContactId.ToString(System.Globalization.CultureInfo.InvariantCulture), StringComparison.Ordinal)
            .Replace("{goal}", world.GoalId.ToString(System.Globalization.CultureInfo.InvariantCulture), StringComparison.Ordinal)
            .Replace("{review}", world.ReviewId.ToString(System.Globalization.CultureInfo.InvariantCulture), StringComparison.Ordinal)
            .Replace("{client}", world.OwnerId, StringComparison.Ordinal)
            .Replace("{other}", world.OtherId, StringComparison.Ordinal);
        var browser = world.BrowserOf(persona);

        WebPage page;
        if (method == "GET")
        {
            page = await browser.GetAsync(url, followRedirects: false);
        }
        else
        {
            // A real form of the person's own (valid antiforgery token), aimed at the route under test.
            var form = await browser.GetAsync(persona == Persona.Anonymous ? "/Identity/Account/Login" : "/Contacts/Edit");
            page = await browser.SubmitAsync(form, "form[method='post']:not([action*='Logout'])", new Dictionary<string, string>
            {
                ["Input.Name"] = $"Renamed by {persona}",
                ["Input.Version"] = world.ContactVersion,
                ["Input.OneYear"] = $"Renamed by {persona}",
                ["NewMilestone.Title"] = $"Renamed by {persona}",
                ["NewMilestone.DueOn"] = "2027-01-05",
                ["NewPlanItem.Text"] = $"Renamed by {persona}",
                ["LifeChange"] = $"Renamed by {persona}",
                ["change"] = "activate-anyway",
                ["version"] = world.GoalVersion,
            }, followRedirects: false, action: url);
        }

        switch (expected)
        {
            case Outcome.Ok:
                Assert.Equal(HttpStatusCode.OK, page.Status);
                break;
            case Outcome.SignIn:
                Assert.Equal(HttpStatusCode.Redirect, page.Status);
                Assert.StartsWith("http://localhost/Identity/Account/Login", page.Location, StringComparison.Ordinal);
                break;
            case Outcome.NotFound:
                Assert.Equal(HttpStatusCode.NotFound, page.Status);
                Assert.Contains("We couldn't find that page", page.Text, StringComparison.Ordinal);
                break;
            case Outcome.Saved:
                Assert.Equal(HttpStatusCode.Redirect, page.Status);
                break;
            case Outcome.Forbidden:
                Assert.Equal(HttpStatusCode.Redirect, page.Status);
                Assert.StartsWith("http://localhost/Identity/Account/AccessDenied", page.Location, StringComparison.Ordinal);
                break;
        }

        if (expected == Outcome.Ok && path.EndsWith(".ics", StringComparison.Ordinal))
        {
            Assert.Equal("text/calendar", page.Response.Content.Headers.ContentType?.MediaType);
            var owners = persona == Persona.Owner || path.Contains("{calendar-token}", StringComparison.Ordinal);
            Assert.Equal(owners, page.Html.Contains("Owner's private milestone", StringComparison.Ordinal));
        }

        if (persona != Persona.Owner)
        {
            Assert.Equal(ownersToken, await world.OwnersCalendarTokenAsync());
        }

        if (persona != Persona.Owner && path.Contains("{goal}", StringComparison.Ordinal))
        {
            var goal = await world.Owner.GetAsync($"/Goals/{world.GoalId}");
            Assert.Contains("Owner's private goal", goal.Text, StringComparison.Ordinal);
            Assert.Contains("Draft", goal.Text, StringComparison.Ordinal);
            Assert.DoesNotContain($"Renamed by {persona}", goal.Text, StringComparison.Ordinal);
        }

        if (persona != Persona.Owner && path.Contains("{review}", StringComparison.Ordinal))
        {
            var review = await world.Owner.GetAsync($"/Reviews/{world.ReviewId}");
            Assert.Contains("This review isn't finished yet", review.Text, StringComparison.Ordinal);
        }

        if (persona != Persona.Owner && path.StartsWith("/Counsellor/", StringComparison.Ordinal))
        {
            var vision = await world.Owner.GetAsync("/Reflection/Vision");
            Assert.Contains("Owner private vision", vision.Html, StringComparison.Ordinal);
            Assert.DoesNotContain($"Renamed by {persona}", vision.Html, StringComparison.Ordinal);
            var goal = await world.Owner.GetAsync($"/Goals/{world.GoalId}");
            Assert.Contains("Draft", goal.Text, StringComparison.Ordinal);
            Assert.DoesNotContain($"Renamed by {persona}", goal.Html, StringComparison.Ordinal);
            Assert.Equal(1, await world.App.ReadAsync(db => db.Reviews.CountAsync(r => r.OwnerId == world.OwnerId)));
        }

        if (expected == Outcome.Ok && path.StartsWith("/Counsellor/Clients/{client}", StringComparison.Ordinal))
        {
            // Read-only: the banner says whose plan it is, and there is nothing to send but the sign-out and comments.
            Assert.Contains("You're viewing", page.Text, StringComparison.Ordinal);
            Assert.DoesNotContain(page.Document.QuerySelectorAll("form"), f =>
                f.GetAttribute("action") is not { } action || !(action.Contains("Logout", StringComparison.Ordinal) || action.StartsWith("/Counsellor/Clients/" + world.OwnerId + "/Comments?handler=Write", StringComparison.Ordinal)));
            Assert.DoesNotContain("Ada the Mentor", page.Html, StringComparison.Ordinal);
        }

        if (persona != Persona.Owner)
        {
            var owners = await world.Owner.GetAsync($"/Contacts/Edit/{world.ContactId}");
            Assert.Equal(HttpStatusCode.OK, owners.Status);
            Assert.DoesNotContain($"Renamed by {persona}", owners.Html, StringComparison.Ordinal);
        }
    }

    [Fact]
    public async Task Another_persons_contact_list_never_shows_the_owners_contacts()
    {
        var list = await world.Other.GetAsync("/Contacts");
        Assert.DoesNotContain("Ada the Mentor", list.Text, StringComparison.Ordinal);
        Assert.Contains("No contacts yet", list.Text, StringComparison.Ordinal);
    }

    public sealed class World : IAsyncLifetime
    {
        public CareerCompassFactory App { get; } = new();

        public TestBrowser Anonymous { get; private set; } = null!;

        public TestBrowser Owner { get; private set; } = null!;

        public TestBrowser Other { get; private set; } = null!;

        public int ContactId { get; private set; }

        public string ContactVersion { get; private set; } = string.Empty;

        public int GoalId { get; private set; }

        /// <summary>The owner's review in progress (their goal is a draft, so it has no goals to review).</summary>
        public int ReviewId { get; private set; }

        public string OtherId { get; private set; } = string.Empty;

        public string GoalVersion { get; private set; } = string.Empty;

        private readonly Dictionary<Persona, TestBrowser> _counsellors = [];

        public TestBrowser BrowserOf(Persona persona) => persona switch
        {
            Persona.Owner => Owner,
            Persona.Other => Other,
            Persona.Anonymous => Anonymous,
            _ => _counsellors[persona],
        };

        public async Task InitializeAsync()
        {
            Anonymous = App.NewBrowser();
            string ownerEmail, otherEmail;
            (Owner, ownerEmail) = await App.NewSignedInPersonAsync("owner");
            (Other, otherEmail) = await App.NewSignedInPersonAsync("other");
            var form = await Owner.GetAsync("/Contacts/Edit");
            await Owner.SubmitAsync(form, "#contact-form", new Dictionary<string, string> { ["Input.Name"] = "Ada the Mentor" });
            var list = await Owner.GetAsync("/Contacts");
            var link = list.Document.QuerySelectorAll("a").Single(a => a.TextContent == "Ada the Mentor").GetAttribute("href")!;
            ContactId = int.Parse(link.Split('/')[^1], System.Globalization.CultureInfo.InvariantCulture);
            var edit = await Owner.GetAsync(link);
            ContactVersion = edit.Document.QuerySelector("#Input_Version")!.GetAttribute("value")!;
            WebPage goalPage;
            (goalPage, GoalId) = await Goals.GoalPageTests.CreateGoalAsync(Owner, new() { ["Input.Statement"] = "Owner's private goal" });
            await Owner.SubmitAsync(goalPage, "#milestone-form", new Dictionary<string, string>
            {
                ["NewMilestone.Title"] = "Owner's private milestone",
                ["NewMilestone.DueOn"] = "2027-01-10",
            });
            OwnerId = await App.ReadAsync(db => db.Goals.Where(g => g.Id == GoalId).Select(g => g.OwnerId).SingleAsync());
            OtherId = await App.UserIdAsync(otherEmail);
            GoalVersion = await App.ReadAsync(db => db.Goals.Where(g => g.Id == GoalId).Select(g => g.Version.ToString()).SingleAsync());
            (_, ReviewId) = await Reviews.ReviewJourney.StartAsync(Owner);
            var vision = await Owner.GetAsync("/Reflection/Vision");
            await Owner.SubmitAsync(vision, "form[data-autosave]", new Dictionary<string, string> { ["Input.OneYear"] = "Owner private vision" });

            foreach (var persona in CounsellorPersonas)
            {
                var (browser, email, _) = await App.NewCounsellorAsync(persona.ToString().ToLowerInvariant());
                _counsellors[persona] = browser;
                switch (persona)
                {
                    case Persona.Counsellor:
                        await App.GrantAsync(ownerEmail, email, CareerCompass.Domain.Sharing.SharingScope.PlanAndReflection);
                        break;
                    case Persona.PlanOnlyCounsellor:
                        await App.GrantAsync(ownerEmail, email, CareerCompass.Domain.Sharing.SharingScope.Plan);
                        break;
                    case Persona.RevokedCounsellor:
                        var revoked = await App.GrantAsync(ownerEmail, email, CareerCompass.Domain.Sharing.SharingScope.PlanAndReflection);
                        await App.WriteAsync(async db => (await db.CounsellorGrants.SingleAsync(g => g.Id == revoked)).Revoke(App.Clock.GetUtcNow()));
                        break;
                    case Persona.OtherCounsellor:
                        await App.GrantAsync(otherEmail, email, CareerCompass.Domain.Sharing.SharingScope.PlanAndReflection);
                        break;
                }
            }
        }

        public string OwnerId { get; private set; } = string.Empty;

        /// <summary>The token in the owner's private calendar address as it is now (a row above renews it).</summary>
        public Task<string> OwnersCalendarTokenAsync() =>
            App.ReadAsync(db => db.ReviewSchedules.Where(s => s.OwnerId == OwnerId).Select(s => s.CalendarToken).SingleAsync());

        public Task DisposeAsync()
        {
            Anonymous.Dispose();
            Owner.Dispose();
            Other.Dispose();
            foreach (var browser in _counsellors.Values)
            {
                browser.Dispose();
            }

            App.Dispose();
            return Task.CompletedTask;
        }
    }
}
