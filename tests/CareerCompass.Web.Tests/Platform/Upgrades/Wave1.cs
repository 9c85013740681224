using CareerCompass.Domain.Goals;
using CareerCompass.Domain.Reflection;

namespace CareerCompass.Web.Tests.Platform.Upgrades;

/// <summary>
/// The first release (wave 1, 22 November 2026), whose schema ends at the SQLite migration
/// <c>20261122030000_Goals</c>: accounts, contacts, the reflection, O*NET reference data, goals with their milestones
/// and action plans. Every table of that schema that the app wrote gets rows, with the edges real data has: text in
/// many scripts and emoji, the longest text each column takes, every null a column allows, dates on and around the
/// 2026–2027 daylight-saving changes (Europe 29 March / 25 October 2026, 28 March 2027; United States 8 March /
/// 1 November 2026). Not filled: <c>AspNetRoleClaims</c> and <c>AspNetUserLogins</c>, which that release never wrote
/// (no role claims, no external logins); the three roles are the Foundation migration's own rows.
/// </summary>
public static class Wave1
{
    /// <summary>The password behind <see cref="AdaPasswordHash"/> (Identity v3: PBKDF2-HMAC-SHA512, 100,000 rounds, as wave 1 stored it).</summary>
    public const string AdaPassword = "wave one password 2026";

    public const string AdaPasswordHash = "AQAAAAIAAYagAAAAEI8cKjtNXm9wgZKjtMXW5/ggzxQMeX1V398aX4gR/+Rz25PaSE2gLmFEy9Sfe/lebQ==";

    public const string AdaEmail = "ada.lovelace@example.org";

    public const string Ada = "3f2b8c1e-7d4a-4e5b-9c6d-0a1b2c3d4e5f";
    public const string Zoe = "9a8b7c6d-5e4f-4a3b-8c2d-1e0f9a8b7c6d";
    public const string Kwame = "c0ffee00-1234-4abc-8def-0123456789ab";

    public const string ClientRole = "b6a8a7f0-0d5e-4c1c-9a53-2f3f1c1d0001";
    public const string CounsellorRole = "b6a8a7f0-0d5e-4c1c-9a53-2f3f1c1d0002";

    /// <summary>The most a long-text column holds (<c>Limits.LongText</c>): 4,000 characters, in several scripts.</summary>
    public static readonly string LongText = string.Concat(Enumerable.Repeat("Ünïcödé ✓ 日本語 العربية — ", 200))[..4000];

    /// <summary>A goal statement of the full 500 characters, with a combining accent and an emoji made of several code points.</summary>
    public static readonly string LongStatement = ("Become a sénior data engineer 👩🏽‍💻 in Lisbon by leading two pipeline migrations " + new string('·', 500))[..500];

    public static readonly Guid ValueAchievement = Guid.Parse("11111111-2222-4333-8444-555555555501");
    public static readonly Guid ValueFamily = Guid.Parse("11111111-2222-4333-8444-555555555502");
    public static readonly Guid OptionDataEngineer = Guid.Parse("11111111-2222-4333-8444-555555555503");

    /// <summary>Ada's goals that her goal list shows (the retired one it keeps apart).</summary>
    public static readonly string[] AdaGoalsShown =
    [
        "Lead the data platform team at a public-health charity by March 2027",
        LongStatement,
        "Finish the AWS data analytics certificate",
    ];

    public static ReleaseData Data()
    {
        var data = new ReleaseData();

        data.Table(
                "AspNetUsers",
                "Id", "UserName", "NormalizedUserName", "Email", "NormalizedEmail", "EmailConfirmed", "PasswordHash", "SecurityStamp",
                "ConcurrencyStamp", "PhoneNumber", "PhoneNumberConfirmed", "TwoFactorEnabled", "LockoutEnd", "LockoutEnabled", "AccessFailedCount")
            .Row(Ada, AdaEmail, AdaEmail.ToUpperInvariant(), AdaEmail, AdaEmail.ToUpperInvariant(), true, AdaPasswordHash,
                "Q7KXG3JZ5M2RTV4WPNDA6HYCLE8BSF2U", "5b1d3c6e-2f4a-4b8c-9d0e-1f2a3b4c5d6e", null, false, false, null, true, 0)
            // Locked out once, until just before the clocks went forward in Europe; two wrong passwords since; 2FA on.
            .Row(Zoe, "zoe.obrien@example.org", "ZOE.OBRIEN@EXAMPLE.ORG", "zoe.obrien@example.org", "ZOE.OBRIEN@EXAMPLE.ORG", true,
                "AQAAAAIAAYagAAAAEAEjRWeJq83vASNFZ4mrze/Y6TsBd4Q44YvpmOAUZMw8X7Kqi5hFRDDco0ymq8IN9A==", "ZOEZOEZOEZOEZOEZOEZOEZOEZOEZOE22",
                "0e1f2a3b-4c5d-4e6f-8a7b-9c0d1e2f3a4b", "+44 7700 900123", true, true,
                new DateTimeOffset(Utc(2026, 3, 29, 0, 59, 59.999999)), true, 2)
            // Registered, never confirmed.
            .Row(Kwame, "kwame.mensah@example.org", "KWAME.MENSAH@EXAMPLE.ORG", "kwame.mensah@example.org", "KWAME.MENSAH@EXAMPLE.ORG", false,
                "AQAAAAIAAYagAAAAEP7cuph2VDIQ/ty6mHZUMhAq5oC5jxGcFVT9Eq0Gi2zVILoFxfl1RiRXGgkeNNfCRQ==", "KWAMEKWAMEKWAMEKWAMEKWAMEKWAME22",
                "7a6b5c4d-3e2f-4a1b-8c0d-9e8f7a6b5c4d", null, false, false, null, true, 0);

        data.Table("AspNetUserRoles", 2, "UserId", "RoleId")
            .Row(Ada, ClientRole)
            .Row(Zoe, ClientRole)
            .Row(Zoe, CounsellorRole)
            .Row(Kwame, ClientRole);

        data.Table("AspNetUserClaims", "Id", "UserId", "ClaimType", "ClaimValue")
            .Row(1, Zoe, "amr", "mfa")
            .Row(2, Ada, "display_name", "Ada 🧮 Lovelace");

        data.Table("AspNetUserTokens", 3, "UserId", "LoginProvider", "Name", "Value")
            .Row(Zoe, "[AspNetUserStore]", "AuthenticatorKey", "JBSWY3DPEHPK3PXPJBSWY3DPEHPK3PXP")
            .Row(Zoe, "[AspNetUserStore]", "RecoveryCodes", "7JQ2P-KX4MR;9TZ6W-LB3NC;H8D5F-QV2YS");

        data.Table(
                "Contacts",
                "Id", "Name", "Role", "HowMet", "LastContactOn", "NextFollowUpOn", "Notes", "OwnerId", "Version", "CreatedAtUtc", "UpdatedAtUtc")
            .Row(1, "Siobhán Ní Bhriain", "Head of Data 🛠️", "PyData Dublin meetup", new DateOnly(2026, 3, 29), new DateOnly(2026, 10, 25), LongText,
                Ada, Guid.Parse("aaaaaaaa-0000-4000-8000-000000000001"), Utc(2026, 3, 29, 0, 59, 59.999999), Utc(2026, 10, 25, 1, 0, 0))
            .Row(2, "李小龍", null, null, null, null, null, Ada, Guid.Parse("aaaaaaaa-0000-4000-8000-000000000002"), Utc(2026, 11, 1, 5, 59, 59.5), Utc(2026, 11, 1, 6, 0, 0.000001))
            .Row(3, "مريم الحسيني", "مرشدة مهنية", "عبر لينكدإن", new DateOnly(2026, 3, 8), null, "Prefers calls on Sunday — الأحد", Ada,
                Guid.Parse("aaaaaaaa-0000-4000-8000-000000000003"), Utc(2026, 3, 8, 6, 59, 59), Utc(2026, 3, 8, 7, 0, 0))
            .Row(4, "O'Brien, Seán \"Jack\"", "Mentor", "Work", new DateOnly(2027, 3, 28), new DateOnly(2027, 3, 28), "Line one\nLine two\ttabbed",
                Zoe, Guid.Parse("aaaaaaaa-0000-4000-8000-000000000004"), Utc(2026, 11, 20, 23, 59, 59), Utc(2026, 11, 21, 0, 0, 0));

        data.Table(
                "ReflectionSteps",
                "Id", "Kind", "Answers", "CompletedAtUtc", "OwnerId", "Version", "CreatedAtUtc", "UpdatedAtUtc")
            .Row(1, ReflectionStepKind.Interests,
                """{"energizers":"Untangling messy data so people can act on it ✨","items":[{"id":"11111111-2222-4333-8444-555555555511","text":"Teaching workshops","energy":5},{"id":"11111111-2222-4333-8444-555555555512","text":"Cycling","energy":3}],"explorer":[{"activityId":"i1","rating":5},{"activityId":"r1","rating":2},{"activityId":"s1","rating":4}]}""",
                Utc(2026, 10, 25, 0, 30, 0), Ada, Guid.Parse("bbbbbbbb-0000-4000-8000-000000000001"), Utc(2026, 10, 25, 0, 10, 0), Utc(2026, 10, 25, 0, 30, 0))
            .Row(2, ReflectionStepKind.Values,
                $$"""{"chosen":[{"id":"{{ValueAchievement}}","key":"creativity"},{"id":"{{ValueFamily}}","custom":"Family time 👨‍👩‍👧"},{"id":"11111111-2222-4333-8444-555555555513","key":"work-life-balance"}]}""",
                Utc(2026, 10, 25, 1, 30, 0), Ada, Guid.Parse("bbbbbbbb-0000-4000-8000-000000000002"), Utc(2026, 10, 25, 1, 0, 0), Utc(2026, 10, 25, 1, 30, 0))
            // Started, not finished: no completion time.
            .Row(3, ReflectionStepKind.Vision,
                """{"oneYear":"Leading a small team","threeYears":"Head of data at a charity 🌍","why":"Because evidence should change lives — 因为证据应该改变生活"}""",
                null, Ada, Guid.Parse("bbbbbbbb-0000-4000-8000-000000000003"), Utc(2026, 11, 1, 6, 30, 0), Utc(2026, 11, 1, 6, 45, 0))
            .Row(4, ReflectionStepKind.Options,
                $$"""{"options":[{"id":"{{OptionDataEngineer}}","title":"Data engineer","occupationCode":"15-1252.00","fitNote":"Builds on SQL","research":[{"id":"11111111-2222-4333-8444-555555555514","kind":"InformationalInterview","description":"Talk to Siobhán","status":"Planned"}]}],"dismissed":[{"occupationCode":"29-1141.00","reason":"Not for me"}]}""",
                Utc(2026, 11, 2, 9, 0, 0), Ada, Guid.Parse("bbbbbbbb-0000-4000-8000-000000000004"), Utc(2026, 11, 2, 8, 0, 0), Utc(2026, 11, 2, 9, 0, 0))
            .Row(5, ReflectionStepKind.Values, """{"chosen":[]}""", null, Zoe, Guid.Parse("bbbbbbbb-0000-4000-8000-000000000005"), Utc(2026, 11, 20, 12, 0, 0), Utc(2026, 11, 20, 12, 0, 0));

        // Reference data as wave 1's import left it (a few occupations of the 923; release "29.3").
        data.Table(
                "Occupations",
                "Code", "Title", "Description", "JobZone", "Realistic", "Investigative", "Artistic", "Social", "Enterprising", "Conventional",
                "Achievement", "WorkingConditions", "Recognition", "Relationships", "Support", "Independence")
            .Row("15-1252.00", "Software Developers", "Research, design, and develop computer and network software or specialized utility programs.", 4,
                2.17, 6.5, 3.83, 2.17, 3.33, 5.17, 5.83, 5.67, 4.17, 4.0, 4.33, 5.5)
            .Row("25-2021.00", "Elementary School Teachers, Except Special Education", "Teach academic and social skills to students at the elementary school level.", 4,
                1.5, 3.0, 4.5, 7.0, 3.5, 3.0, 5.0, 5.5, 3.67, 6.33, 4.5, 4.83)
            .Row("29-1141.00", "Registered Nurses", "Assess patient health problems and needs, develop and implement nursing care plans.", 3,
                3.33, 5.5, 1.5, 6.83, 3.67, 4.0, null, null, null, null, null, null);

        data.Table("OccupationSkills", 2, "Code", "ElementId", "Name", "Importance", "Level")
            .Row("15-1252.00", "2.B.3.e", "Programming", 4.5, 5.12)
            .Row("15-1252.00", "2.A.2.a", "Critical Thinking", 4.0, 4.38)
            .Row("29-1141.00", "2.B.1.a", "Social Perceptiveness", 4.12, 4.0);

        data.Table("OccupationTitles", "Id", "Code", "Title", "SearchText")
            .Row(1, "15-1252.00", "Software Developers", "software developers")
            .Row(2, "15-1252.00", "Application Developer", "application developer")
            .Row(3, "25-2021.00", "Elementary School Teachers, Except Special Education", "elementary school teachers, except special education")
            .Row(4, "29-1141.00", "Registered Nurses", "registered nurses")
            .Row(5, "29-1141.00", "Cardiac Nurse (RN)", "cardiac nurse (rn)");

        data.Table("ReferenceData", "Name", "Version").Row("onet", "29.3");

        data.Table(
                "Goals",
                "Id", "Statement", "Horizon", "Measure", "Target", "Deadline", "Confidence", "ConfidencePlan", "Skills", "Links", "Status",
                "StartedOn", "AchievedOn", "ActivatedAnyway", "OwnerId", "Version", "CreatedAtUtc", "UpdatedAtUtc")
            .Row(1, AdaGoalsShown[0], GoalHorizon.MediumTerm, "Offer accepted", "1 offer", new DateOnly(2027, 3, 28), 7, LongText,
                new StringList("SQL", "Python", "Public speaking 🎤"),
                $$"""[{"step":"Values","itemId":"{{ValueAchievement}}"},{"step":"Options","itemId":"{{OptionDataEngineer}}"}]""",
                GoalStatus.Active, new DateOnly(2026, 10, 25), null, false, Ada, Guid.Parse("cccccccc-0000-4000-8000-000000000001"),
                Utc(2026, 10, 25, 0, 59, 59.999999), Utc(2026, 11, 1, 6, 0, 0))
            // A draft: every optional field empty.
            .Row(2, LongStatement, GoalHorizon.LongTerm, null, null, null, null, null, new StringList(), "[]", GoalStatus.Draft,
                new DateOnly(2026, 11, 1), null, false, Ada, Guid.Parse("cccccccc-0000-4000-8000-000000000002"), Utc(2026, 11, 1, 6, 0, 0), Utc(2026, 11, 1, 6, 0, 0))
            .Row(3, AdaGoalsShown[2], GoalHorizon.ShortTerm, "Exam passed", "score ≥ 750", new DateOnly(2026, 11, 1), 9, null,
                new StringList("AWS"), "[]", GoalStatus.Achieved, new DateOnly(2026, 3, 8), new DateOnly(2026, 11, 1), true, Ada,
                Guid.Parse("cccccccc-0000-4000-8000-000000000003"), Utc(2026, 3, 8, 7, 0, 0), Utc(2026, 11, 1, 8, 0, 0))
            .Row(4, "Move into product management", GoalHorizon.LongTerm, null, null, null, 3, null, new StringList(), "[]", GoalStatus.Retired,
                new DateOnly(2026, 3, 29), null, false, Ada, Guid.Parse("cccccccc-0000-4000-8000-000000000004"), Utc(2026, 3, 29, 1, 0, 0), Utc(2026, 3, 29, 2, 0, 0))
            .Row(5, "Mentor two junior nurses — 看護師を指導する", GoalHorizon.ShortTerm, "Sessions held", "12", new DateOnly(2026, 12, 31), 6, null,
                new StringList("Coaching"), "[]", GoalStatus.Paused, new DateOnly(2026, 11, 20), null, false, Zoe,
                Guid.Parse("cccccccc-0000-4000-8000-000000000005"), Utc(2026, 11, 20, 23, 59, 59), Utc(2026, 11, 21, 0, 0, 0));

        data.Table(
                "Milestones",
                "Id", "GoalId", "Title", "DueOn", "Order", "Status", "Notes", "CompletedOn", "OwnerId", "Version", "CreatedAtUtc", "UpdatedAtUtc")
            .Row(1, 1, "Shadow the current lead for a sprint", new DateOnly(2026, 3, 29), 0, MilestoneStatus.Done, "Went well 🎉", new DateOnly(2026, 3, 29),
                Ada, Guid.Parse("dddddddd-0000-4000-8000-000000000001"), Utc(2026, 3, 29, 0, 59, 59), Utc(2026, 3, 29, 1, 0, 0))
            .Row(2, 1, "Run the migration retrospective", new DateOnly(2026, 10, 25), 1, MilestoneStatus.InProgress, LongText, null,
                Ada, Guid.Parse("dddddddd-0000-4000-8000-000000000002"), Utc(2026, 10, 25, 0, 59, 59.999999), Utc(2026, 10, 25, 1, 0, 0.000001))
            .Row(3, 1, "Apply for three lead roles", new DateOnly(2027, 3, 28), 2, MilestoneStatus.NotStarted, null, null,
                Ada, Guid.Parse("dddddddd-0000-4000-8000-000000000003"), Utc(2026, 11, 1, 6, 0, 0), Utc(2026, 11, 1, 6, 0, 0))
            .Row(4, 3, "Practice exam", new DateOnly(2026, 11, 1), 0, MilestoneStatus.Skipped, null, null,
                Ada, Guid.Parse("dddddddd-0000-4000-8000-000000000004"), Utc(2026, 3, 8, 7, 0, 0), Utc(2026, 11, 1, 7, 0, 0))
            .Row(5, 5, "Agree a schedule with the ward manager", new DateOnly(2026, 12, 1), 0, MilestoneStatus.NotStarted, "Ask Seán", null,
                Zoe, Guid.Parse("dddddddd-0000-4000-8000-000000000005"), Utc(2026, 11, 21, 0, 0, 0), Utc(2026, 11, 21, 0, 0, 0));

        data.Table(
                "GoalPlanItems",
                "Id", "GoalId", "Kind", "Text", "Detail", "ContactId", "OwnerId", "Version", "CreatedAtUtc", "UpdatedAtUtc")
            .Row(1, 1, PlanItemKind.Skill, "Stakeholder management", null, null, Ada, Guid.Parse("eeeeeeee-0000-4000-8000-000000000001"), Utc(2026, 10, 25, 1, 0, 0), Utc(2026, 10, 25, 1, 0, 0))
            .Row(2, 1, PlanItemKind.Obstacle, "Little time with a toddler at home", "Two evenings a week — ask for Friday afternoons", null, Ada,
                Guid.Parse("eeeeeeee-0000-4000-8000-000000000002"), Utc(2026, 10, 25, 1, 0, 0), Utc(2026, 10, 25, 1, 0, 0))
            .Row(3, 1, PlanItemKind.Support, "Siobhán as a mentor", LongText, 1, Ada, Guid.Parse("eeeeeeee-0000-4000-8000-000000000003"), Utc(2026, 10, 25, 1, 0, 0), Utc(2026, 10, 25, 1, 0, 0))
            .Row(4, 5, PlanItemKind.Support, "Seán", null, 4, Zoe, Guid.Parse("eeeeeeee-0000-4000-8000-000000000004"), Utc(2026, 11, 21, 0, 0, 0), Utc(2026, 11, 21, 0, 0, 0));

        return data;
    }

    /// <summary>A UTC time; fractional seconds to the microsecond (PostgreSQL's precision, and what EF writes there).</summary>
    public static DateTime Utc(int year, int month, int day, int hour, int minute, double seconds) =>
        new DateTime(year, month, day, hour, minute, 0, DateTimeKind.Utc).AddTicks((long)Math.Round(seconds * 1_000_000) * 10);
}
