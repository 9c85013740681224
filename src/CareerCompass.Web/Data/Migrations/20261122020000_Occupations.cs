using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;

namespace CareerCompass.Web.Data.Migrations;

/// <summary>
/// O*NET occupations, their skills and titles (reference data, filled by <c>OnetImport</c> at start-up), and the
/// marker that records which data release is loaded.
/// </summary>
[DbContext(typeof(AppDbContext))]
[Migration("20261122020000_Occupations")]
public sealed class Occupations : Migration
{
    protected override void Up(MigrationBuilder migrationBuilder)
    {
        migrationBuilder.CreateTable(
            name: "Occupations",
            columns: table => new
            {
                Code = table.Column<string>(type: "TEXT", maxLength: 10, nullable: false),
                Title = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false),
                Description = table.Column<string>(type: "TEXT", nullable: false),
                JobZone = table.Column<int>(type: "INTEGER", nullable: false),
                Realistic = table.Column<double>(type: "REAL", nullable: false),
                Investigative = table.Column<double>(type: "REAL", nullable: false),
                Artistic = table.Column<double>(type: "REAL", nullable: false),
                Social = table.Column<double>(type: "REAL", nullable: false),
                Enterprising = table.Column<double>(type: "REAL", nullable: false),
                Conventional = table.Column<double>(type: "REAL", nullable: false),
                Achievement = table.Column<double>(type: "REAL", nullable: true),
                WorkingConditions = table.Column<double>(type: "REAL", nullable: true),
                Recognition = table.Column<double>(type: "REAL", nullable: true),
                Relationships = table.Column<double>(type: "REAL", nullable: true),
                Support = table.Column<double>(type: "REAL", nullable: true),
                Independence = table.Column<double>(type: "REAL", nullable: true),
            },
            constraints: table => table.PrimaryKey("PK_Occupations", x => x.Code));

        migrationBuilder.CreateTable(
            name: "ReferenceData",
            columns: table => new
            {
                Name = table.Column<string>(type: "TEXT", maxLength: 50, nullable: false),
                Version = table.Column<string>(type: "TEXT", maxLength: 50, nullable: false),
            },
            constraints: table => table.PrimaryKey("PK_ReferenceData", x => x.Name));

        migrationBuilder.CreateTable(
            name: "OccupationSkills",
            columns: table => new
            {
                Code = table.Column<string>(type: "TEXT", maxLength: 10, nullable: false),
                ElementId = table.Column<string>(type: "TEXT", maxLength: 20, nullable: false),
                Name = table.Column<string>(type: "TEXT", maxLength: 100, nullable: false),
                Importance = table.Column<double>(type: "REAL", nullable: false),
                Level = table.Column<double>(type: "REAL", nullable: false),
            },
            constraints: table =>
            {
                table.PrimaryKey("PK_OccupationSkills", x => new { x.Code, x.ElementId });
                table.ForeignKey("FK_OccupationSkills_Occupations_Code", x => x.Code, "Occupations", "Code", onDelete: ReferentialAction.Cascade);
            });

        migrationBuilder.CreateTable(
            name: "OccupationTitles",
            columns: table => new
            {
                Id = table.Column<int>(type: "INTEGER", nullable: false).Annotation("Sqlite:Autoincrement", true),
                Code = table.Column<string>(type: "TEXT", maxLength: 10, nullable: false),
                Title = table.Column<string>(type: "TEXT", maxLength: 300, nullable: false),
                SearchText = table.Column<string>(type: "TEXT", maxLength: 300, nullable: false),
            },
            constraints: table =>
            {
                table.PrimaryKey("PK_OccupationTitles", x => x.Id);
                table.ForeignKey("FK_OccupationTitles_Occupations_Code", x => x.Code, "Occupations", "Code", onDelete: ReferentialAction.Cascade);
            });

        migrationBuilder.CreateIndex("IX_OccupationTitles_Code", "OccupationTitles", "Code");
    }

    protected override void Down(MigrationBuilder migrationBuilder)
    {
        migrationBuilder.DropTable("OccupationTitles");
        migrationBuilder.DropTable("OccupationSkills");
        migrationBuilder.DropTable("ReferenceData");
        migrationBuilder.DropTable("Occupations");
    }
}
