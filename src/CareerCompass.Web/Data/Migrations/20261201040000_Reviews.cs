using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;

namespace CareerCompass.Web.Data.Migrations;

/// <summary>
/// Periodic reviews: each person's schedule (cadence, next date, reminder settings, calendar token), the reviews
/// they complete with a decision per goal, and the reminder rows a dispatcher sends exactly once. People already here
/// get a yearly schedule dated from the day this runs (accounts carry no sign-up date), review reminders on and the
/// weekly digest off (they never chose it); the dispatcher plans their reminder rows on its first pass
/// (<c>RemindersPlanned</c> = false).
/// </summary>
[DbContext(typeof(AppDbContext))]
[Migration("20261201040000_Reviews")]
public sealed class Reviews : Migration
{
    protected override void Up(MigrationBuilder migrationBuilder)
    {
        migrationBuilder.CreateTable(
            name: "ReviewSchedules",
            columns: table => new
            {
                Id = table.Column<int>(type: "INTEGER", nullable: false).Annotation("Sqlite:Autoincrement", true),
                Cadence = table.Column<int>(type: "INTEGER", nullable: false),
                StartedOn = table.Column<DateOnly>(type: "TEXT", nullable: false),
                LastReviewedOn = table.Column<DateOnly>(type: "TEXT", nullable: true),
                ReviewsCompleted = table.Column<int>(type: "INTEGER", nullable: false),
                RemindersPlanned = table.Column<bool>(type: "INTEGER", nullable: false),
                NextReviewOn = table.Column<DateOnly>(type: "TEXT", nullable: false),
                LeadDays = table.Column<int>(type: "INTEGER", nullable: false),
                RemindersOn = table.Column<bool>(type: "INTEGER", nullable: false),
                DigestOn = table.Column<bool>(type: "INTEGER", nullable: false),
                CalendarToken = table.Column<string>(type: "TEXT", maxLength: 43, nullable: false),
                OwnerId = table.Column<string>(type: "TEXT", nullable: false),
                Version = table.Column<Guid>(type: "TEXT", nullable: false),
                CreatedAtUtc = table.Column<DateTime>(type: "TEXT", nullable: false),
                UpdatedAtUtc = table.Column<DateTime>(type: "TEXT", nullable: false),
            },
            constraints: table =>
            {
                table.PrimaryKey("PK_ReviewSchedules", x => x.Id);
                table.ForeignKey("FK_ReviewSchedules_AspNetUsers_OwnerId", x => x.OwnerId, "AspNetUsers", "Id", onDelete: ReferentialAction.Cascade);
            });
        migrationBuilder.CreateIndex("IX_ReviewSchedules_OwnerId", "ReviewSchedules", "OwnerId", unique: true);
        migrationBuilder.CreateIndex("IX_ReviewSchedules_CalendarToken", "ReviewSchedules", "CalendarToken", unique: true);
        migrationBuilder.CreateIndex("IX_ReviewSchedules_RemindersPlanned", "ReviewSchedules", "RemindersPlanned");

        migrationBuilder.CreateTable(
            name: "Reviews",
            columns: table => new
            {
                Id = table.Column<int>(type: "INTEGER", nullable: false).Annotation("Sqlite:Autoincrement", true),
                Trigger = table.Column<int>(type: "INTEGER", nullable: false),
                Reason = table.Column<string>(type: "TEXT", maxLength: 500, nullable: true),
                StartedOn = table.Column<DateOnly>(type: "TEXT", nullable: false),
                DueOn = table.Column<DateOnly>(type: "TEXT", nullable: true),
                SinceUtc = table.Column<DateTime>(type: "TEXT", nullable: false),
                Step = table.Column<int>(type: "INTEGER", nullable: false),
                LookBackNote = table.Column<string>(type: "TEXT", maxLength: 4000, nullable: true),
                NewGoalIdeas = table.Column<string>(type: "TEXT", maxLength: 4000, nullable: true),
                CompletedOn = table.Column<DateOnly>(type: "TEXT", nullable: true),
                CompletedAtUtc = table.Column<DateTime>(type: "TEXT", nullable: true),
                OwnerId = table.Column<string>(type: "TEXT", nullable: false),
                Version = table.Column<Guid>(type: "TEXT", nullable: false),
                CreatedAtUtc = table.Column<DateTime>(type: "TEXT", nullable: false),
                UpdatedAtUtc = table.Column<DateTime>(type: "TEXT", nullable: false),
            },
            constraints: table =>
            {
                table.PrimaryKey("PK_Reviews", x => x.Id);
                table.ForeignKey("FK_Reviews_AspNetUsers_OwnerId", x => x.OwnerId, "AspNetUsers", "Id", onDelete: ReferentialAction.Cascade);
            });
        migrationBuilder.CreateIndex("IX_Reviews_OwnerId_CompletedOn", "Reviews", ["OwnerId", "CompletedOn"]);
        migrationBuilder.CreateIndex("IX_Reviews_OneInProgress", "Reviews", "OwnerId", unique: true, filter: "\"CompletedOn\" IS NULL");

        migrationBuilder.CreateTable(
            name: "ReviewGoals",
            columns: table => new
            {
                Id = table.Column<int>(type: "INTEGER", nullable: false).Annotation("Sqlite:Autoincrement", true),
                ReviewId = table.Column<int>(type: "INTEGER", nullable: false),
                GoalId = table.Column<int>(type: "INTEGER", nullable: false),
                Statement = table.Column<string>(type: "TEXT", maxLength: 500, nullable: false),
                StatusAtStart = table.Column<int>(type: "INTEGER", nullable: false),
                Order = table.Column<int>(type: "INTEGER", nullable: false),
                Helped = table.Column<string>(type: "TEXT", maxLength: 4000, nullable: true),
                Obstacles = table.Column<string>(type: "TEXT", maxLength: 4000, nullable: true),
                Feedback = table.Column<string>(type: "TEXT", maxLength: 4000, nullable: true),
                FeedbackFrom = table.Column<string>(type: "TEXT", maxLength: 200, nullable: true),
                Decision = table.Column<int>(type: "INTEGER", nullable: true),
                DecisionReason = table.Column<string>(type: "TEXT", maxLength: 500, nullable: true),
            },
            constraints: table =>
            {
                table.PrimaryKey("PK_ReviewGoals", x => x.Id);
                table.ForeignKey("FK_ReviewGoals_Reviews_ReviewId", x => x.ReviewId, "Reviews", "Id", onDelete: ReferentialAction.Cascade);
            });
        migrationBuilder.CreateIndex("IX_ReviewGoals_ReviewId_GoalId", "ReviewGoals", ["ReviewId", "GoalId"], unique: true);

        migrationBuilder.CreateTable(
            name: "Reminders",
            columns: table => new
            {
                Id = table.Column<long>(type: "INTEGER", nullable: false).Annotation("Sqlite:Autoincrement", true),
                PersonId = table.Column<string>(type: "TEXT", nullable: false),
                Kind = table.Column<int>(type: "INTEGER", nullable: false),
                ForDate = table.Column<DateOnly>(type: "TEXT", nullable: false),
                SendAtUtc = table.Column<DateTime>(type: "TEXT", nullable: false),
                State = table.Column<int>(type: "INTEGER", nullable: false),
                LeaseOwner = table.Column<string>(type: "TEXT", maxLength: 64, nullable: true),
                LeaseUntilUtc = table.Column<DateTime>(type: "TEXT", nullable: true),
                Attempts = table.Column<int>(type: "INTEGER", nullable: false),
                SentAtUtc = table.Column<DateTime>(type: "TEXT", nullable: true),
            },
            constraints: table =>
            {
                table.PrimaryKey("PK_Reminders", x => x.Id);
                table.ForeignKey("FK_Reminders_AspNetUsers_PersonId", x => x.PersonId, "AspNetUsers", "Id", onDelete: ReferentialAction.Cascade);
            });
        migrationBuilder.CreateIndex("IX_Reminders_PersonId_ForDate_Kind", "Reminders", ["PersonId", "ForDate", "Kind"], unique: true);
        migrationBuilder.CreateIndex("IX_Reminders_State_SendAtUtc", "Reminders", ["State", "SendAtUtc"]);

        migrationBuilder.CreateIndex("IX_Milestones_DueOn", "Milestones", "DueOn");

        // Everyone already here: yearly, a year from today (the day they got reviews), reminders on, digest off, a
        // 43-character calendar token (hex, a subset of base64url: 172 random bits). (SQLite's own functions; the
        // PostgreSQL migrations come with the move to PostgreSQL.)
        migrationBuilder.Sql("""
            INSERT INTO "ReviewSchedules" ("Cadence", "StartedOn", "LastReviewedOn", "ReviewsCompleted", "RemindersPlanned", "NextReviewOn", "LeadDays", "RemindersOn", "DigestOn", "CalendarToken", "OwnerId", "Version", "CreatedAtUtc", "UpdatedAtUtc")
            SELECT 0, date('now'), NULL, 0, 0, date('now', '+12 months'), 14, 1, 0, substr(lower(hex(randomblob(22))), 1, 43), u."Id",
                   upper(substr(u.h, 1, 8) || '-' || substr(u.h, 9, 4) || '-4' || substr(u.h, 14, 3) || '-8' || substr(u.h, 18, 3) || '-' || substr(u.h, 21, 12)),
                   strftime('%Y-%m-%d %H:%M:%S', 'now'), strftime('%Y-%m-%d %H:%M:%S', 'now')
            FROM (SELECT "Id", hex(randomblob(16)) AS h FROM "AspNetUsers") AS u;
            """);
    }

    protected override void Down(MigrationBuilder migrationBuilder)
    {
        migrationBuilder.DropIndex("IX_Milestones_DueOn", "Milestones");
        migrationBuilder.DropTable("Reminders");
        migrationBuilder.DropTable("ReviewGoals");
        migrationBuilder.DropTable("Reviews");
        migrationBuilder.DropTable("ReviewSchedules");
    }
}
