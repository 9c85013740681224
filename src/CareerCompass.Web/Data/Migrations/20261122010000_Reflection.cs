using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;

namespace CareerCompass.Web.Data.Migrations;

/// <summary>The reflection: one row per person per step, its answers a JSON document, its own concurrency version.</summary>
[DbContext(typeof(AppDbContext))]
[Migration("20261122010000_Reflection")]
public sealed class Reflection : Migration
{
    protected override void Up(MigrationBuilder migrationBuilder)
    {
        migrationBuilder.CreateTable(
            name: "ReflectionSteps",
            columns: table => new
            {
                Id = table.Column<int>(type: "INTEGER", nullable: false).Annotation("Sqlite:Autoincrement", true),
                Kind = table.Column<int>(type: "INTEGER", nullable: false),
                Answers = table.Column<string>(type: "TEXT", nullable: false),
                CompletedAtUtc = table.Column<DateTime>(type: "TEXT", nullable: true),
                OwnerId = table.Column<string>(type: "TEXT", nullable: false),
                Version = table.Column<Guid>(type: "TEXT", nullable: false),
                CreatedAtUtc = table.Column<DateTime>(type: "TEXT", nullable: false),
                UpdatedAtUtc = table.Column<DateTime>(type: "TEXT", nullable: false),
            },
            constraints: table =>
            {
                table.PrimaryKey("PK_ReflectionSteps", x => x.Id);
                table.ForeignKey("FK_ReflectionSteps_AspNetUsers_OwnerId", x => x.OwnerId, "AspNetUsers", "Id", onDelete: ReferentialAction.Cascade);
            });

        migrationBuilder.CreateIndex("IX_ReflectionSteps_OwnerId_Kind", "ReflectionSteps", ["OwnerId", "Kind"], unique: true);
    }

    protected override void Down(MigrationBuilder migrationBuilder) => migrationBuilder.DropTable("ReflectionSteps");
}
