using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;

namespace CareerCompass.Web.Data.Migrations;

/// <summary>
/// Comment e-mails: what each person has been told about each thread (at most one e-mail an hour per thread), the
/// person's choice to get them (on for everyone to begin with), the comments' idempotency key (a form sent twice
/// posts once) and an index for finding recent comments.
/// </summary>
[DbContext(typeof(AppDbContext))]
[Migration("20261201070000_CommentMail")]
public sealed class CommentMail : Migration
{
    protected override void Up(MigrationBuilder migrationBuilder)
    {
        migrationBuilder.CreateTable(
            name: "CommentNotices",
            columns: table => new
            {
                Id = table.Column<int>(type: "INTEGER", nullable: false).Annotation("Sqlite:Autoincrement", true),
                RecipientId = table.Column<string>(type: "TEXT", nullable: false),
                Target = table.Column<int>(type: "INTEGER", nullable: false),
                TargetId = table.Column<int>(type: "INTEGER", nullable: false),
                NotifiedUpToId = table.Column<int>(type: "INTEGER", nullable: false),
                SentAtUtc = table.Column<DateTime>(type: "TEXT", nullable: true),
                OwnerId = table.Column<string>(type: "TEXT", nullable: false),
                Version = table.Column<Guid>(type: "TEXT", nullable: false),
                CreatedAtUtc = table.Column<DateTime>(type: "TEXT", nullable: false),
                UpdatedAtUtc = table.Column<DateTime>(type: "TEXT", nullable: false),
            },
            constraints: table =>
            {
                table.PrimaryKey("PK_CommentNotices", x => x.Id);
                table.ForeignKey("FK_CommentNotices_AspNetUsers_OwnerId", x => x.OwnerId, "AspNetUsers", "Id", onDelete: ReferentialAction.Cascade);
                table.ForeignKey("FK_CommentNotices_AspNetUsers_RecipientId", x => x.RecipientId, "AspNetUsers", "Id", onDelete: ReferentialAction.Cascade);
            });
        migrationBuilder.CreateIndex("IX_CommentNotices_OwnerId", "CommentNotices", "OwnerId");
        migrationBuilder.CreateIndex("IX_CommentNotices_RecipientId_OwnerId_Target_TargetId", "CommentNotices", ["RecipientId", "OwnerId", "Target", "TargetId"], unique: true);

        migrationBuilder.AddColumn<bool>(name: "CommentMailOn", table: "ReviewSchedules", type: "INTEGER", nullable: false, defaultValue: true);
        migrationBuilder.AddColumn<Guid>(name: "IdempotencyKey", table: "Comments", type: "TEXT", nullable: true);
        migrationBuilder.CreateIndex("IX_Comments_OwnerId_IdempotencyKey", "Comments", ["OwnerId", "IdempotencyKey"], unique: true);
        migrationBuilder.CreateIndex("IX_Comments_WrittenAtUtc", "Comments", "WrittenAtUtc");
    }

    protected override void Down(MigrationBuilder migrationBuilder)
    {
        migrationBuilder.DropTable("CommentNotices");
        migrationBuilder.DropIndex("IX_Comments_OwnerId_IdempotencyKey", "Comments");
        migrationBuilder.DropIndex("IX_Comments_WrittenAtUtc", "Comments");
        migrationBuilder.DropColumn("IdempotencyKey", "Comments");
        migrationBuilder.DropColumn("CommentMailOn", "ReviewSchedules");
    }
}
