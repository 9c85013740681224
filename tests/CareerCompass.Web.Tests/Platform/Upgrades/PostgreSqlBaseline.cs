using CareerCompass.Domain.Goals;
using CareerCompass.Domain.Reviews;
using CareerCompass.Domain.Sharing;
using static CareerCompass.Web.Tests.Platform.Upgrades.Wave1;

namespace CareerCompass.Web.Tests.Platform.Upgrades;

/// <summary>
/// The first PostgreSQL schema, the migration <c>20261201100000_Baseline</c> (the SQLite schema of wave 2 up to
/// <c>20261201100000_OccupationTitleSearch</c>): <see cref="Wave1"/>'s rows, the columns wave 2 added to them (time
/// zones, create-form keys, the release marker of the O*NET + BLS import), and rows in every table wave 2 added —
/// sessions, goal history, review schedules, reviews and their goal decisions, reminders, counsellor grants, comments,
/// the access log, comment read marks and notices, and the occupation profile tables.
/// </summary>
public static class PostgreSqlBaseline
{
    public static ReleaseData Data()
    {
        var data = new ReleaseData().With(Wave1.Data());

        data.Amend("AspNetUsers", "Id", "TimeZone")
            .Row(Ada, "Europe/London")
            .Row(Zoe, "America/New_York");
        data.Amend("Goals", "Id", "IdempotencyKey").Row(1, Guid.Parse("f0000000-0000-4000-8000-000000000001"));
        data.Amend("Milestones", "Id", "IdempotencyKey").Row(3, Guid.Parse("f0000000-0000-4000-8000-000000000002"));
        data.Amend("GoalPlanItems", "Id", "IdempotencyKey").Row(1, Guid.Parse("f0000000-0000-4000-8000-000000000003"));
        data.Amend("Contacts", "Id", "IdempotencyKey").Row(2, Guid.Parse("f0000000-0000-4000-8000-000000000004"));
        data.Amend("ReferenceData", "Name", "Version").Row("onet", "29.3+bls-2024");

        data.Table("AuthSessions", "Id", "UserId", "Ticket", "Device", "CreatedAtUtc", "LastSeenAtUtc", "ExpiresAtUtc")
            .Row("k3yK3yk3yK3yk3yK3yk3yK3yk3yK3y01", Zoe, new byte[] { 0x05, 0x00, 0xff, 0x10, 0x42 }, "Firefox on Linux", Utc(2026, 11, 1, 5, 59, 59), Utc(2026, 11, 1, 6, 0, 1), null)
            .Row("k3yK3yk3yK3yk3yK3yk3yK3yk3yK3y02", Ada, new byte[] { 0x01, 0x02 }, "Safari on iPhone 📱", Utc(2026, 3, 29, 0, 30, 0), Utc(2026, 3, 29, 1, 30, 0), Utc(2026, 4, 12, 1, 30, 0));

        data.Table(
                "ReviewSchedules",
                "Id", "Cadence", "StartedOn", "LastReviewedOn", "RemindersPlanned", "ReviewsCompleted", "NextReviewOn", "LeadDays", "RemindersOn",
                "DigestOn", "CommentMailOn", "CalendarToken", "OwnerId", "Version", "CreatedAtUtc", "UpdatedAtUtc")
            .Row(1, ReviewCadence.Quarterly, new DateOnly(2026, 3, 29), new DateOnly(2026, 10, 25), true, 2, new DateOnly(2027, 1, 25), 14, true, true, false,
                "a1b2c3d4e5f6a7b8c9d0a1b2c3d4e5f6a7b8c9d0a1b", Ada, Guid.Parse("99999999-0000-4000-8000-000000000001"), Utc(2026, 3, 29, 0, 30, 0), Utc(2026, 10, 25, 1, 0, 0))
            .Row(2, ReviewCadence.Yearly, new DateOnly(2026, 11, 20), null, false, 0, new DateOnly(2027, 11, 20), 30, false, false, true,
                "b1b2c3d4e5f6a7b8c9d0a1b2c3d4e5f6a7b8c9d0a1b", Zoe, Guid.Parse("99999999-0000-4000-8000-000000000002"), Utc(2026, 11, 20, 12, 0, 0), Utc(2026, 11, 20, 12, 0, 0))
            .Row(3, ReviewCadence.Yearly, new DateOnly(2026, 11, 21), null, false, 0, new DateOnly(2027, 11, 21), 14, true, false, true,
                "c1b2c3d4e5f6a7b8c9d0a1b2c3d4e5f6a7b8c9d0a1b", Kwame, Guid.Parse("99999999-0000-4000-8000-000000000003"), Utc(2026, 11, 21, 9, 0, 0), Utc(2026, 11, 21, 9, 0, 0));

        data.Table(
                "Reviews",
                "Id", "Trigger", "Reason", "StartedOn", "DueOn", "SinceUtc", "Step", "LookBackNote", "NewGoalIdeas", "CompletedOn", "CompletedAtUtc",
                "OwnerId", "Version", "CreatedAtUtc", "UpdatedAtUtc")
            .Row(1, ReviewTrigger.Scheduled, null, new DateOnly(2026, 10, 25), new DateOnly(2026, 10, 25), Utc(2026, 3, 29, 0, 30, 0), ReviewStep.Summary,
                "A good half year — ein gutes Halbjahr", LongText, new DateOnly(2026, 10, 25), Utc(2026, 10, 25, 1, 0, 0), Ada,
                Guid.Parse("88888888-0000-4000-8000-000000000001"), Utc(2026, 10, 25, 0, 30, 0), Utc(2026, 10, 25, 1, 0, 0))
            // In progress: no completion.
            .Row(2, ReviewTrigger.LifeChange, "New baby 👶", new DateOnly(2026, 11, 30), null, Utc(2026, 10, 25, 1, 0, 0), ReviewStep.Goals, null, null, null, null, Ada,
                Guid.Parse("88888888-0000-4000-8000-000000000002"), Utc(2026, 11, 30, 20, 0, 0), Utc(2026, 11, 30, 20, 5, 0));

        data.Table(
                "ReviewGoals",
                "Id", "ReviewId", "GoalId", "Statement", "StatusAtStart", "Order", "Helped", "Obstacles", "Feedback", "FeedbackFrom", "Decision", "DecisionReason")
            .Row(1, 1, 1, AdaGoalsShown[0], GoalStatus.Active, 0, "Mentoring", "Time", "Keep going", "Siobhán", ReviewDecision.Keep, null)
            .Row(2, 1, 3, AdaGoalsShown[2], GoalStatus.Active, 1, null, null, null, null, ReviewDecision.Achieved, "Passed with 812")
            .Row(3, 2, 1, AdaGoalsShown[0], GoalStatus.Active, 0, null, null, null, null, null, null);

        data.Table(
                "GoalRevisions",
                "Id", "GoalId", "Statement", "Horizon", "Measure", "Target", "Deadline", "Confidence", "Links", "Status", "RecordedAtUtc", "Reason",
                "ReviewId", "OwnerId", "Version", "CreatedAtUtc", "UpdatedAtUtc")
            .Row(1, 1, "Lead a data team", GoalHorizon.LongTerm, null, null, null, null, "[]", GoalStatus.Draft, Utc(2026, 10, 25, 0, 59, 59.999999), null, null, Ada,
                Guid.Parse("77777777-0000-4000-8000-000000000001"), Utc(2026, 10, 25, 0, 59, 59.999999), Utc(2026, 10, 25, 0, 59, 59.999999))
            .Row(2, 3, AdaGoalsShown[2], GoalHorizon.ShortTerm, "Exam passed", "score ≥ 750", new DateOnly(2026, 11, 1), 9, "[]", GoalStatus.Active,
                Utc(2026, 10, 25, 1, 0, 0), "Achieved in the review", 1, Ada, Guid.Parse("77777777-0000-4000-8000-000000000002"), Utc(2026, 10, 25, 1, 0, 0), Utc(2026, 10, 25, 1, 0, 0));

        data.Table("Reminders", "Id", "PersonId", "Kind", "ForDate", "SendAtUtc", "State", "LeaseOwner", "LeaseUntilUtc", "Attempts", "SentAtUtc")
            .Row(1L, Ada, ReminderKind.ReviewSoon, new DateOnly(2027, 1, 25), Utc(2027, 1, 11, 9, 0, 0), ReminderState.Pending, null, null, 0, null)
            .Row(2L, Ada, ReminderKind.ReviewToday, new DateOnly(2026, 10, 25), Utc(2026, 10, 25, 9, 0, 0), ReminderState.Sent, "instance-a:1234", Utc(2026, 10, 25, 9, 5, 0), 1, Utc(2026, 10, 25, 9, 0, 2.5))
            .Row(3L, Zoe, ReminderKind.ReviewSoon, new DateOnly(2027, 11, 20), Utc(2027, 10, 21, 13, 0, 0), ReminderState.Cancelled, null, null, 3, null);

        data.Table(
                "CounsellorGrants",
                "Id", "CounsellorEmail", "NormalizedEmail", "CounsellorId", "Scope", "InvitedAtUtc", "ExpiresAtUtc", "AcceptedAtUtc", "RevokedAtUtc",
                "OwnerId", "Version", "CreatedAtUtc", "UpdatedAtUtc")
            .Row(1, "zoe.obrien@example.org", "ZOE.OBRIEN@EXAMPLE.ORG", Zoe, SharingScope.PlanAndReflection, Utc(2026, 11, 1, 5, 0, 0), Utc(2026, 11, 15, 5, 0, 0),
                Utc(2026, 11, 1, 6, 30, 0), null, Ada, Guid.Parse("66666666-0000-4000-8000-000000000001"), Utc(2026, 11, 1, 5, 0, 0), Utc(2026, 11, 1, 6, 30, 0))
            // Invited, never accepted, then withdrawn.
            .Row(2, "Old.Counsellor@Example.org", "OLD.COUNSELLOR@EXAMPLE.ORG", null, SharingScope.Plan, Utc(2026, 3, 8, 6, 0, 0), Utc(2026, 3, 22, 6, 0, 0),
                null, Utc(2026, 3, 9, 6, 0, 0), Ada, Guid.Parse("66666666-0000-4000-8000-000000000002"), Utc(2026, 3, 8, 6, 0, 0), Utc(2026, 3, 9, 6, 0, 0));

        data.Table(
                "Comments",
                "Id", "AuthorId", "AuthorRole", "Target", "TargetId", "Body", "WrittenAtUtc", "EditedAtUtc", "DeletedAtUtc", "IdempotencyKey", "OwnerId",
                "Version", "CreatedAtUtc", "UpdatedAtUtc")
            .Row(1, Zoe, CommentAuthorRole.Counsellor, CommentTarget.Goal, 1, "Great progress! See https://example.org/guide 👍", Utc(2026, 11, 1, 6, 40, 0.123456),
                Utc(2026, 11, 1, 6, 45, 0), null, Guid.Parse("55555555-0000-4000-8000-000000000001"), Ada, Guid.Parse("55555555-0000-4000-8000-0000000000a1"),
                Utc(2026, 11, 1, 6, 40, 0), Utc(2026, 11, 1, 6, 45, 0))
            // Removed: no body, the time it went.
            .Row(2, Ada, CommentAuthorRole.Client, CommentTarget.Milestone, 2, null, Utc(2026, 10, 25, 0, 59, 59), null, Utc(2026, 10, 25, 1, 5, 0), null, Ada,
                Guid.Parse("55555555-0000-4000-8000-0000000000a2"), Utc(2026, 10, 25, 0, 59, 59), Utc(2026, 10, 25, 1, 5, 0))
            .Row(3, null, CommentAuthorRole.Counsellor, CommentTarget.Review, 1, new string('x', 1990) + "末尾です。", Utc(2026, 10, 26, 8, 0, 0), null, null, null, Ada,
                Guid.Parse("55555555-0000-4000-8000-0000000000a3"), Utc(2026, 10, 26, 8, 0, 0), Utc(2026, 10, 26, 8, 0, 0));

        data.Table("AccessLog", "Id", "CounsellorId", "Area", "RecordId", "Path", "AtUtc", "OwnerId", "Version", "CreatedAtUtc", "UpdatedAtUtc")
            .Row(1, Zoe, SharedArea.Goals, 1, "/Counsellor/Clients/1/Goals/1", Utc(2026, 11, 1, 6, 35, 0), Ada, Guid.Parse("44444444-0000-4000-8000-000000000001"), Utc(2026, 11, 1, 6, 35, 0), Utc(2026, 11, 1, 6, 35, 0))
            .Row(2, Zoe, SharedArea.Reflection, null, "/Counsellor/Clients/1/Reflection", Utc(2026, 11, 1, 6, 36, 0), Ada, Guid.Parse("44444444-0000-4000-8000-000000000002"), Utc(2026, 11, 1, 6, 36, 0), Utc(2026, 11, 1, 6, 36, 0));

        data.Table("CommentReads", "Id", "ReaderId", "Target", "TargetId", "SeenUpToId", "OwnerId", "Version", "CreatedAtUtc", "UpdatedAtUtc")
            .Row(1, Ada, CommentTarget.Goal, 1, 1, Ada, Guid.Parse("33333333-0000-4000-8000-000000000001"), Utc(2026, 11, 1, 7, 0, 0), Utc(2026, 11, 1, 7, 0, 0))
            .Row(2, Zoe, CommentTarget.Milestone, 2, 2, Ada, Guid.Parse("33333333-0000-4000-8000-000000000002"), Utc(2026, 11, 1, 7, 0, 0), Utc(2026, 11, 1, 7, 0, 0));

        data.Table("CommentNotices", "Id", "RecipientId", "Target", "TargetId", "NotifiedUpToId", "SentAtUtc", "OwnerId", "Version", "CreatedAtUtc", "UpdatedAtUtc")
            .Row(1, Ada, CommentTarget.Goal, 1, 1, Utc(2026, 11, 1, 7, 40, 0), Ada, Guid.Parse("22222222-0000-4000-8000-000000000001"), Utc(2026, 11, 1, 6, 40, 0), Utc(2026, 11, 1, 7, 40, 0))
            .Row(2, Zoe, CommentTarget.Review, 1, 3, null, Ada, Guid.Parse("22222222-0000-4000-8000-000000000002"), Utc(2026, 10, 26, 8, 0, 0), Utc(2026, 10, 26, 8, 0, 0));

        // The occupation profile tables (reference data; one occupation's worth).
        data.Table("OccupationTasks", 2, "Code", "TaskId", "Position", "Statement", "TaskType")
            .Row("15-1252.00", 16987, 1, "Analyze information to determine, recommend, and plan installation of a new system.", "Core")
            .Row("15-1252.00", 16988, 2, "Confer with data processing or project managers.", null);
        data.Table("OccupationEducation", "Code", "Category", "Level", "Percent", "TiedWith", "RecommendSuppress")
            .Row("15-1252.00", 6, "Bachelor's Degree", 61.3, null, false)
            .Row("29-1141.00", 5, "Associate's Degree", 40.0, 6, null);
        data.Table("RelatedOccupations", 2, "Code", "Rank", "RelatedCode", "Tier")
            .Row("15-1252.00", 1, "15-1253.00", "Primary-Short");
        data.Table("OccupationBlsCodes", "Code", "BlsCode", "Match")
            .Row("15-1252.00", "15-1252", "exact");
        data.Table("BlsWages", "SocCode", "Title", "Employment", "AnnualMedian", "AnnualP10", "AnnualP90", "HourlyMedian", "TopCoded")
            .Row("15-1252", "Software Developers", 1654440, 133080, 79850, 211450, 63.98, "")
            .Row("29-1141", "Registered Nurses", 3282010, 93600, null, null, null, "p90 ≥ $239,200");
        data.Table("BlsOutlook", "SocCode", "Title", "GrowthPercent", "AnnualOpenings")
            .Row("15-1252", "Software developers", 15.8, 115200);

        return data;
    }
}
