using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;

namespace CareerCompass.Web.Data.Migrations;

/// <summary>
/// Sharing with a counsellor: the grants a client makes (invited by e-mail, accepted, scoped, revoked), comments on a
/// client's goals, milestones and reviews, and the access log of every counsellor read. All are owned by the client
/// and go with the client's account; a counsellor's account going leaves grants naming nobody and comments by
/// "a former counsellor".
/// </summary>
[DbContext(typeof(AppDbContext))]
[Migration("20261201050000_Sharing")]
public sealed class Sharing : Migration
{
    protected override void Up(MigrationBuilder migrationBuilder)
    {
        migrationBuilder.CreateTable(
            name: "CounsellorGrants",
            columns: table => new
            {
                Id = table.Column<int>(type: "INTEGER", nullable: false).Annotation("Sqlite:Autoincrement", true),
                CounsellorEmail = table.Column<string>(type: "TEXT", maxLength: 254, nullable: false),
                NormalizedEmail = table.Column<string>(type: "TEXT", maxLength: 254, nullable: false),
                CounsellorId = table.Column<string>(type: "TEXT", nullable: true),
                Scope = table.Column<int>(type: "INTEGER", nullable: false),
                InvitedAtUtc = table.Column<DateTime>(type: "TEXT", nullable: false),
                ExpiresAtUtc = table.Column<DateTime>(type: "TEXT", nullable: false),
                AcceptedAtUtc = table.Column<DateTime>(type: "TEXT", nullable: true),
                RevokedAtUtc = table.Column<DateTime>(type: "TEXT", nullable: true),
                OwnerId = table.Column<string>(type: "TEXT", nullable: false),
                Version = table.Column<Guid>(type: "TEXT", nullable: false),
                CreatedAtUtc = table.Column<DateTime>(type: "TEXT", nullable: false),
                UpdatedAtUtc = table.Column<DateTime>(type: "TEXT", nullable: false),
            },
            constraints: table =>
            {
                table.PrimaryKey("PK_CounsellorGrants", x => x.Id);
                table.ForeignKey("FK_CounsellorGrants_AspNetUsers_CounsellorId", x => x.CounsellorId, "AspNetUsers", "Id", onDelete: ReferentialAction.SetNull);
                table.ForeignKey("FK_CounsellorGrants_AspNetUsers_OwnerId", x => x.OwnerId, "AspNetUsers", "Id", onDelete: ReferentialAction.Cascade);
            });
        migrationBuilder.CreateIndex("IX_CounsellorGrants_CounsellorId", "CounsellorGrants", "CounsellorId");
        migrationBuilder.CreateIndex("IX_CounsellorGrants_NormalizedEmail", "CounsellorGrants", "NormalizedEmail");
        migrationBuilder.CreateIndex("IX_CounsellorGrants_OwnerId", "CounsellorGrants", "OwnerId");

        migrationBuilder.CreateTable(
            name: "Comments",
            columns: table => new
            {
                Id = table.Column<int>(type: "INTEGER", nullable: false).Annotation("Sqlite:Autoincrement", true),
                AuthorId = table.Column<string>(type: "TEXT", nullable: true),
                AuthorRole = table.Column<int>(type: "INTEGER", nullable: false),
                Target = table.Column<int>(type: "INTEGER", nullable: false),
                TargetId = table.Column<int>(type: "INTEGER", nullable: false),
                Body = table.Column<string>(type: "TEXT", maxLength: 2000, nullable: true),
                WrittenAtUtc = table.Column<DateTime>(type: "TEXT", nullable: false),
                EditedAtUtc = table.Column<DateTime>(type: "TEXT", nullable: true),
                DeletedAtUtc = table.Column<DateTime>(type: "TEXT", nullable: true),
                OwnerId = table.Column<string>(type: "TEXT", nullable: false),
                Version = table.Column<Guid>(type: "TEXT", nullable: false),
                CreatedAtUtc = table.Column<DateTime>(type: "TEXT", nullable: false),
                UpdatedAtUtc = table.Column<DateTime>(type: "TEXT", nullable: false),
            },
            constraints: table =>
            {
                table.PrimaryKey("PK_Comments", x => x.Id);
                table.ForeignKey("FK_Comments_AspNetUsers_AuthorId", x => x.AuthorId, "AspNetUsers", "Id", onDelete: ReferentialAction.SetNull);
                table.ForeignKey("FK_Comments_AspNetUsers_OwnerId", x => x.OwnerId, "AspNetUsers", "Id", onDelete: ReferentialAction.Cascade);
            });
        migrationBuilder.CreateIndex("IX_Comments_AuthorId", "Comments", "AuthorId");
        migrationBuilder.CreateIndex("IX_Comments_OwnerId_Target_TargetId", "Comments", ["OwnerId", "Target", "TargetId"]);

        migrationBuilder.CreateTable(
            name: "AccessLog",
            columns: table => new
            {
                Id = table.Column<int>(type: "INTEGER", nullable: false).Annotation("Sqlite:Autoincrement", true),
                CounsellorId = table.Column<string>(type: "TEXT", nullable: false),
                Area = table.Column<int>(type: "INTEGER", nullable: false),
                RecordId = table.Column<int>(type: "INTEGER", nullable: true),
                Path = table.Column<string>(type: "TEXT", maxLength: 300, nullable: false),
                AtUtc = table.Column<DateTime>(type: "TEXT", nullable: false),
                OwnerId = table.Column<string>(type: "TEXT", nullable: false),
                Version = table.Column<Guid>(type: "TEXT", nullable: false),
                CreatedAtUtc = table.Column<DateTime>(type: "TEXT", nullable: false),
                UpdatedAtUtc = table.Column<DateTime>(type: "TEXT", nullable: false),
            },
            constraints: table =>
            {
                table.PrimaryKey("PK_AccessLog", x => x.Id);
                table.ForeignKey("FK_AccessLog_AspNetUsers_OwnerId", x => x.OwnerId, "AspNetUsers", "Id", onDelete: ReferentialAction.Cascade);
            });
        migrationBuilder.CreateIndex("IX_AccessLog_AtUtc", "AccessLog", "AtUtc");
        migrationBuilder.CreateIndex("IX_AccessLog_OwnerId_AtUtc", "AccessLog", ["OwnerId", "AtUtc"]);
    }

    protected override void Down(MigrationBuilder migrationBuilder)
    {
        migrationBuilder.DropTable("AccessLog");
        migrationBuilder.DropTable("Comments");
        migrationBuilder.DropTable("CounsellorGrants");
    }
}
