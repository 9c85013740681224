using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;

namespace CareerCompass.Web.Data.Migrations;

/// <summary>Goals, their milestones and action-plan items — each an owned record with its own version.</summary>
[DbContext(typeof(AppDbContext))]
[Migration("20261122030000_Goals")]
public sealed class Goals : Migration
{
    protected override void Up(MigrationBuilder migrationBuilder)
    {
        migrationBuilder.CreateTable(
            name: "Goals",
            columns: table => new
            {
                Id = table.Column<int>(type: "INTEGER", nullable: false).Annotation("Sqlite:Autoincrement", true),
                Statement = table.Column<string>(type: "TEXT", maxLength: 500, nullable: false),
                Horizon = table.Column<int>(type: "INTEGER", nullable: false),
                Measure = table.Column<string>(type: "TEXT", maxLength: 200, nullable: true),
                Target = table.Column<string>(type: "TEXT", maxLength: 200, nullable: true),
                Deadline = table.Column<DateOnly>(type: "TEXT", nullable: true),
                Confidence = table.Column<int>(type: "INTEGER", nullable: true),
                ConfidencePlan = table.Column<string>(type: "TEXT", maxLength: 4000, nullable: true),
                Skills = table.Column<string>(type: "TEXT", nullable: false),
                Links = table.Column<string>(type: "TEXT", nullable: false),
                Status = table.Column<int>(type: "INTEGER", nullable: false),
                StartedOn = table.Column<DateOnly>(type: "TEXT", nullable: false),
                AchievedOn = table.Column<DateOnly>(type: "TEXT", nullable: true),
                ActivatedAnyway = table.Column<bool>(type: "INTEGER", nullable: false),
                OwnerId = table.Column<string>(type: "TEXT", nullable: false),
                Version = table.Column<Guid>(type: "TEXT", nullable: false),
                CreatedAtUtc = table.Column<DateTime>(type: "TEXT", nullable: false),
                UpdatedAtUtc = table.Column<DateTime>(type: "TEXT", nullable: false),
            },
            constraints: table =>
            {
                table.PrimaryKey("PK_Goals", x => x.Id);
                table.ForeignKey("FK_Goals_AspNetUsers_OwnerId", x => x.OwnerId, "AspNetUsers", "Id", onDelete: ReferentialAction.Cascade);
            });

        migrationBuilder.CreateTable(
            name: "Milestones",
            columns: table => new
            {
                Id = table.Column<int>(type: "INTEGER", nullable: false).Annotation("Sqlite:Autoincrement", true),
                GoalId = table.Column<int>(type: "INTEGER", nullable: false),
                Title = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false),
                DueOn = table.Column<DateOnly>(type: "TEXT", nullable: false),
                Order = table.Column<int>(type: "INTEGER", nullable: false),
                Status = table.Column<int>(type: "INTEGER", nullable: false),
                Notes = table.Column<string>(type: "TEXT", maxLength: 4000, nullable: true),
                CompletedOn = table.Column<DateOnly>(type: "TEXT", nullable: true),
                OwnerId = table.Column<string>(type: "TEXT", nullable: false),
                Version = table.Column<Guid>(type: "TEXT", nullable: false),
                CreatedAtUtc = table.Column<DateTime>(type: "TEXT", nullable: false),
                UpdatedAtUtc = table.Column<DateTime>(type: "TEXT", nullable: false),
            },
            constraints: table =>
            {
                table.PrimaryKey("PK_Milestones", x => x.Id);
                table.ForeignKey("FK_Milestones_AspNetUsers_OwnerId", x => x.OwnerId, "AspNetUsers", "Id", onDelete: ReferentialAction.Cascade);
                table.ForeignKey("FK_Milestones_Goals_GoalId", x => x.GoalId, "Goals", "Id", onDelete: ReferentialAction.Cascade);
            });

        migrationBuilder.CreateTable(
            name: "GoalPlanItems",
            columns: table => new
            {
                Id = table.Column<int>(type: "INTEGER", nullable: false).Annotation("Sqlite:Autoincrement", true),
                GoalId = table.Column<int>(type: "INTEGER", nullable: false),
                Kind = table.Column<int>(type: "INTEGER", nullable: false),
                Text = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false),
                Detail = table.Column<string>(type: "TEXT", maxLength: 4000, nullable: true),
                ContactId = table.Column<int>(type: "INTEGER", nullable: true),
                OwnerId = table.Column<string>(type: "TEXT", nullable: false),
                Version = table.Column<Guid>(type: "TEXT", nullable: false),
                CreatedAtUtc = table.Column<DateTime>(type: "TEXT", nullable: false),
                UpdatedAtUtc = table.Column<DateTime>(type: "TEXT", nullable: false),
            },
            constraints: table =>
            {
                table.PrimaryKey("PK_GoalPlanItems", x => x.Id);
                table.ForeignKey("FK_GoalPlanItems_AspNetUsers_OwnerId", x => x.OwnerId, "AspNetUsers", "Id", onDelete: ReferentialAction.Cascade);
                table.ForeignKey("FK_GoalPlanItems_Contacts_ContactId", x => x.ContactId, "Contacts", "Id", onDelete: ReferentialAction.SetNull);
                table.ForeignKey("FK_GoalPlanItems_Goals_GoalId", x => x.GoalId, "Goals", "Id", onDelete: ReferentialAction.Cascade);
            });

        migrationBuilder.CreateIndex("IX_Goals_OwnerId_Status", "Goals", ["OwnerId", "Status"]);
        migrationBuilder.CreateIndex("IX_Milestones_GoalId", "Milestones", "GoalId");
        migrationBuilder.CreateIndex("IX_Milestones_OwnerId_DueOn", "Milestones", ["OwnerId", "DueOn"]);
        migrationBuilder.CreateIndex("IX_GoalPlanItems_ContactId", "GoalPlanItems", "ContactId");
        migrationBuilder.CreateIndex("IX_GoalPlanItems_GoalId", "GoalPlanItems", "GoalId");
        migrationBuilder.CreateIndex("IX_GoalPlanItems_OwnerId", "GoalPlanItems", "OwnerId");
    }

    protected override void Down(MigrationBuilder migrationBuilder)
    {
        migrationBuilder.DropTable("GoalPlanItems");
        migrationBuilder.DropTable("Milestones");
        migrationBuilder.DropTable("Goals");
    }
}
