using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;

namespace CareerCompass.Web.Data.Migrations;

/// <summary>
/// The key a create form carries (see <c>IdempotencyKeys</c>), unique per owner, on goals, milestones, plan items and
/// contacts. The (OwnerId, IdempotencyKey) index also serves lookups by owner, so the plain owner indexes of
/// Contacts and GoalPlanItems go (as the model's one-rule-for-owned-records does when an index starts with OwnerId).
/// </summary>
[DbContext(typeof(AppDbContext))]
[Migration("20261201010000_IdempotencyKeys")]
public sealed class IdempotencyKeys : Migration
{
    private static readonly string[] Tables = ["Goals", "Milestones", "GoalPlanItems", "Contacts"];

    protected override void Up(MigrationBuilder migrationBuilder)
    {
        foreach (var table in Tables)
        {
            migrationBuilder.AddColumn<Guid>(name: "IdempotencyKey", table: table, type: "TEXT", nullable: true);
        }

        migrationBuilder.DropIndex("IX_Contacts_OwnerId", "Contacts");
        migrationBuilder.DropIndex("IX_GoalPlanItems_OwnerId", "GoalPlanItems");
        foreach (var table in Tables)
        {
            migrationBuilder.CreateIndex($"IX_{table}_OwnerId_IdempotencyKey", table, ["OwnerId", "IdempotencyKey"], unique: true);
        }
    }

    protected override void Down(MigrationBuilder migrationBuilder)
    {
        foreach (var table in Tables)
        {
            migrationBuilder.DropIndex($"IX_{table}_OwnerId_IdempotencyKey", table);
            migrationBuilder.DropColumn(name: "IdempotencyKey", table: table);
        }

        migrationBuilder.CreateIndex("IX_Contacts_OwnerId", "Contacts", "OwnerId");
        migrationBuilder.CreateIndex("IX_GoalPlanItems_OwnerId", "GoalPlanItems", "OwnerId");
    }
}
