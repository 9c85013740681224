using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;

namespace CareerCompass.Web.Data.Migrations;

/// <summary>
/// How far each person has read each comment thread (the comments on one goal, milestone or review), so the
/// caseload can count a client's replies the counsellor hasn't seen. Owned by the client; goes with the client's
/// account and with the reader's.
/// </summary>
[DbContext(typeof(AppDbContext))]
[Migration("20261201060000_CommentReads")]
public sealed class CommentReads : Migration
{
    protected override void Up(MigrationBuilder migrationBuilder)
    {
        migrationBuilder.CreateTable(
            name: "CommentReads",
            columns: table => new
            {
                Id = table.Column<int>(type: "INTEGER", nullable: false).Annotation("Sqlite:Autoincrement", true),
                ReaderId = table.Column<string>(type: "TEXT", nullable: false),
                Target = table.Column<int>(type: "INTEGER", nullable: false),
                TargetId = table.Column<int>(type: "INTEGER", nullable: false),
                SeenUpToId = table.Column<int>(type: "INTEGER", nullable: false),
                OwnerId = table.Column<string>(type: "TEXT", nullable: false),
                Version = table.Column<Guid>(type: "TEXT", nullable: false),
                CreatedAtUtc = table.Column<DateTime>(type: "TEXT", nullable: false),
                UpdatedAtUtc = table.Column<DateTime>(type: "TEXT", nullable: false),
            },
            constraints: table =>
            {
                table.PrimaryKey("PK_CommentReads", x => x.Id);
                table.ForeignKey("FK_CommentReads_AspNetUsers_OwnerId", x => x.OwnerId, "AspNetUsers", "Id", onDelete: ReferentialAction.Cascade);
                table.ForeignKey("FK_CommentReads_AspNetUsers_ReaderId", x => x.ReaderId, "AspNetUsers", "Id", onDelete: ReferentialAction.Cascade);
            });
        migrationBuilder.CreateIndex("IX_CommentReads_OwnerId", "CommentReads", "OwnerId");
        migrationBuilder.CreateIndex("IX_CommentReads_ReaderId_OwnerId_Target_TargetId", "CommentReads", ["ReaderId", "OwnerId", "Target", "TargetId"], unique: true);
    }

    protected override void Down(MigrationBuilder migrationBuilder)
    {
        migrationBuilder.DropTable("CommentReads");
    }
}
