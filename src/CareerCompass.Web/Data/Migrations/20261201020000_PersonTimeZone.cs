using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;

namespace CareerCompass.Web.Data.Migrations;

/// <summary>Each person's time zone (an IANA id, see <c>PersonTimeZone</c>); accounts made before it are on UTC.</summary>
[DbContext(typeof(AppDbContext))]
[Migration("20261201020000_PersonTimeZone")]
public sealed class PersonTimeZone : Migration
{
    protected override void Up(MigrationBuilder migrationBuilder) =>
        migrationBuilder.AddColumn<string>(name: "TimeZone", table: "AspNetUsers", type: "TEXT", maxLength: 64, nullable: false, defaultValue: "UTC");

    protected override void Down(MigrationBuilder migrationBuilder) =>
        migrationBuilder.DropColumn(name: "TimeZone", table: "AspNetUsers");
}
