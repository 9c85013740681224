using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;

namespace CareerCompass.Web.Data.Migrations;

/// <summary>
/// What an occupation page shows beyond the profile: O*NET tasks, typical education and related occupations, and the
/// BLS wages (OEWS May 2024) and outlook (Employment Projections 2024–34) with the O*NET-to-BLS code map. Reference
/// data, filled by <c>OnetImport</c> in the same transaction as the occupations.
/// </summary>
[DbContext(typeof(AppDbContext))]
[Migration("20261201090000_OccupationProfiles")]
public sealed class OccupationProfiles : Migration
{
    protected override void Up(MigrationBuilder migrationBuilder)
    {
        migrationBuilder.CreateTable(
            name: "OccupationTasks",
            columns: table => new
            {
                Code = table.Column<string>(type: "TEXT", maxLength: 10, nullable: false),
                TaskId = table.Column<int>(type: "INTEGER", nullable: false),
                Position = table.Column<int>(type: "INTEGER", nullable: false),
                Statement = table.Column<string>(type: "TEXT", maxLength: 1000, nullable: false),
                TaskType = table.Column<string>(type: "TEXT", maxLength: 20, nullable: true),
            },
            constraints: table =>
            {
                table.PrimaryKey("PK_OccupationTasks", x => new { x.Code, x.TaskId });
                table.ForeignKey("FK_OccupationTasks_Occupations_Code", x => x.Code, "Occupations", "Code", onDelete: ReferentialAction.Cascade);
            });

        migrationBuilder.CreateTable(
            name: "OccupationEducation",
            columns: table => new
            {
                Code = table.Column<string>(type: "TEXT", maxLength: 10, nullable: false),
                Category = table.Column<int>(type: "INTEGER", nullable: false),
                Level = table.Column<string>(type: "TEXT", maxLength: 300, nullable: false),
                Percent = table.Column<double>(type: "REAL", nullable: false),
                TiedWith = table.Column<int>(type: "INTEGER", nullable: true),
                RecommendSuppress = table.Column<bool>(type: "INTEGER", nullable: true),
            },
            constraints: table =>
            {
                table.PrimaryKey("PK_OccupationEducation", x => x.Code);
                table.ForeignKey("FK_OccupationEducation_Occupations_Code", x => x.Code, "Occupations", "Code", onDelete: ReferentialAction.Cascade);
            });

        migrationBuilder.CreateTable(
            name: "RelatedOccupations",
            columns: table => new
            {
                Code = table.Column<string>(type: "TEXT", maxLength: 10, nullable: false),
                Rank = table.Column<int>(type: "INTEGER", nullable: false),
                RelatedCode = table.Column<string>(type: "TEXT", maxLength: 10, nullable: false),
                Tier = table.Column<string>(type: "TEXT", maxLength: 20, nullable: false),
            },
            constraints: table =>
            {
                table.PrimaryKey("PK_RelatedOccupations", x => new { x.Code, x.Rank });
                table.ForeignKey("FK_RelatedOccupations_Occupations_Code", x => x.Code, "Occupations", "Code", onDelete: ReferentialAction.Cascade);
            });

        migrationBuilder.CreateTable(
            name: "OccupationBlsCodes",
            columns: table => new
            {
                Code = table.Column<string>(type: "TEXT", maxLength: 10, nullable: false),
                BlsCode = table.Column<string>(type: "TEXT", maxLength: 7, nullable: false),
                Match = table.Column<string>(type: "TEXT", maxLength: 20, nullable: false),
            },
            constraints: table =>
            {
                table.PrimaryKey("PK_OccupationBlsCodes", x => x.Code);
                table.ForeignKey("FK_OccupationBlsCodes_Occupations_Code", x => x.Code, "Occupations", "Code", onDelete: ReferentialAction.Cascade);
            });

        migrationBuilder.CreateTable(
            name: "BlsWages",
            columns: table => new
            {
                SocCode = table.Column<string>(type: "TEXT", maxLength: 7, nullable: false),
                Title = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false),
                Employment = table.Column<int>(type: "INTEGER", nullable: false),
                AnnualMedian = table.Column<int>(type: "INTEGER", nullable: true),
                AnnualP10 = table.Column<int>(type: "INTEGER", nullable: true),
                AnnualP90 = table.Column<int>(type: "INTEGER", nullable: true),
                HourlyMedian = table.Column<double>(type: "REAL", nullable: true),
                TopCoded = table.Column<string>(type: "TEXT", maxLength: 100, nullable: false),
            },
            constraints: table => table.PrimaryKey("PK_BlsWages", x => x.SocCode));

        migrationBuilder.CreateTable(
            name: "BlsOutlook",
            columns: table => new
            {
                SocCode = table.Column<string>(type: "TEXT", maxLength: 7, nullable: false),
                Title = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false),
                GrowthPercent = table.Column<double>(type: "REAL", nullable: false),
                AnnualOpenings = table.Column<int>(type: "INTEGER", nullable: false),
            },
            constraints: table => table.PrimaryKey("PK_BlsOutlook", x => x.SocCode));
    }

    protected override void Down(MigrationBuilder migrationBuilder)
    {
        migrationBuilder.DropTable("BlsOutlook");
        migrationBuilder.DropTable("BlsWages");
        migrationBuilder.DropTable("OccupationBlsCodes");
        migrationBuilder.DropTable("RelatedOccupations");
        migrationBuilder.DropTable("OccupationEducation");
        migrationBuilder.DropTable("OccupationTasks");
    }
}
