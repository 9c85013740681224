using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;

namespace CareerCompass.Web.Data.Migrations;

/// <summary>
/// A goal's history: one row per earlier version (the wording, dates, links and status just before a change), when
/// the change was made, why, and from which review (no foreign key yet: reviews come later).
/// </summary>
[DbContext(typeof(AppDbContext))]
[Migration("20261201030000_GoalRevisions")]
public sealed class GoalRevisions : Migration
{
    protected override void Up(MigrationBuilder migrationBuilder)
    {
        migrationBuilder.CreateTable(
            name: "GoalRevisions",
            columns: table => new
            {
                Id = table.Column<int>(type: "INTEGER", nullable: false).Annotation("Sqlite:Autoincrement", true),
                GoalId = table.Column<int>(type: "INTEGER", nullable: false),
                Statement = table.Column<string>(type: "TEXT", maxLength: 500, nullable: false),
                Horizon = table.Column<int>(type: "INTEGER", nullable: false),
                Measure = table.Column<string>(type: "TEXT", maxLength: 200, nullable: true),
                Target = table.Column<string>(type: "TEXT", maxLength: 200, nullable: true),
                Deadline = table.Column<DateOnly>(type: "TEXT", nullable: true),
                Confidence = table.Column<int>(type: "INTEGER", nullable: true),
                Links = table.Column<string>(type: "TEXT", nullable: false),
                Status = table.Column<int>(type: "INTEGER", nullable: false),
                RecordedAtUtc = table.Column<DateTime>(type: "TEXT", nullable: false),
                Reason = table.Column<string>(type: "TEXT", maxLength: 500, nullable: true),
                ReviewId = table.Column<int>(type: "INTEGER", nullable: true),
                OwnerId = table.Column<string>(type: "TEXT", nullable: false),
                Version = table.Column<Guid>(type: "TEXT", nullable: false),
                CreatedAtUtc = table.Column<DateTime>(type: "TEXT", nullable: false),
                UpdatedAtUtc = table.Column<DateTime>(type: "TEXT", nullable: false),
            },
            constraints: table =>
            {
                table.PrimaryKey("PK_GoalRevisions", x => x.Id);
                table.ForeignKey("FK_GoalRevisions_AspNetUsers_OwnerId", x => x.OwnerId, "AspNetUsers", "Id", onDelete: ReferentialAction.Cascade);
                table.ForeignKey("FK_GoalRevisions_Goals_GoalId", x => x.GoalId, "Goals", "Id", onDelete: ReferentialAction.Cascade);
            });

        migrationBuilder.CreateIndex("IX_GoalRevisions_GoalId", "GoalRevisions", "GoalId");
        migrationBuilder.CreateIndex("IX_GoalRevisions_OwnerId", "GoalRevisions", "OwnerId");
    }

    protected override void Down(MigrationBuilder migrationBuilder)
    {
        migrationBuilder.DropTable("GoalRevisions");
    }
}
