using Microsoft.EntityFrameworkCore.Migrations;
using Npgsql.EntityFrameworkCore.PostgreSQL.Metadata;

#nullable disable

namespace HighRisk.Infrastructure.Data.Migrations
{
    /// <inheritdoc />
    public partial class LeanerDailyOverdue : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropForeignKey(
                name: "fk_overdue_list_entries_overdue_lists_list_id",
                table: "overdue_list_entries");

            migrationBuilder.DropIndex(
                name: "ix_pregnancies_follow_up_state",
                table: "pregnancies");

            // Replaced by the partial ix_pregnancies_overdue (created outside the model in FollowUpsOverdueAndMessaging).
            migrationBuilder.Sql("DROP INDEX IF EXISTS ix_pregnancies_township_code_follow_up_state");

            migrationBuilder.DropPrimaryKey(
                name: "pk_overdue_list_entries",
                table: "overdue_list_entries");

            migrationBuilder.DropIndex(
                name: "ix_overdue_list_entries_list_id_rank",
                table: "overdue_list_entries");

            migrationBuilder.DropColumn(
                name: "days_overdue",
                table: "pregnancies");

            migrationBuilder.DropColumn(
                name: "id",
                table: "overdue_list_entries");

            migrationBuilder.DropColumn(
                name: "masked_name",
                table: "overdue_list_entries");

            migrationBuilder.DropColumn(
                name: "mobile_cipher",
                table: "overdue_list_entries");

            migrationBuilder.DropColumn(
                name: "mobile_masked",
                table: "overdue_list_entries");

            migrationBuilder.AlterTable(
                name: "pregnancies")
                .Annotation("Npgsql:StorageParameter:fillfactor", 90);

            migrationBuilder.AddPrimaryKey(
                name: "pk_overdue_list_entries",
                table: "overdue_list_entries",
                columns: new[] { "list_id", "rank" });

            migrationBuilder.CreateIndex(
                name: "ix_pregnancies_overdue",
                table: "pregnancies",
                column: "township_code",
                filter: "follow_up_state IN ('Overdue', 'Lost')");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "ix_pregnancies_overdue",
                table: "pregnancies");

            migrationBuilder.Sql("CREATE INDEX ix_pregnancies_township_code_follow_up_state ON pregnancies (township_code, follow_up_state)");

            migrationBuilder.DropPrimaryKey(
                name: "pk_overdue_list_entries",
                table: "overdue_list_entries");

            migrationBuilder.AlterTable(
                name: "pregnancies")
                .OldAnnotation("Npgsql:StorageParameter:fillfactor", 90);

            migrationBuilder.AddColumn<int>(
                name: "days_overdue",
                table: "pregnancies",
                type: "integer",
                nullable: false,
                defaultValue: 0);

            migrationBuilder.AddColumn<long>(
                name: "id",
                table: "overdue_list_entries",
                type: "bigint",
                nullable: false,
                defaultValue: 0L)
                .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityAlwaysColumn);

            migrationBuilder.AddColumn<string>(
                name: "masked_name",
                table: "overdue_list_entries",
                type: "character varying(50)",
                maxLength: 50,
                nullable: false,
                defaultValue: "");

            migrationBuilder.AddColumn<string>(
                name: "mobile_cipher",
                table: "overdue_list_entries",
                type: "text",
                nullable: false,
                defaultValue: "");

            migrationBuilder.AddColumn<string>(
                name: "mobile_masked",
                table: "overdue_list_entries",
                type: "character varying(11)",
                maxLength: 11,
                nullable: false,
                defaultValue: "");

            migrationBuilder.AddPrimaryKey(
                name: "pk_overdue_list_entries",
                table: "overdue_list_entries",
                column: "id");

            migrationBuilder.CreateIndex(
                name: "ix_pregnancies_follow_up_state",
                table: "pregnancies",
                column: "follow_up_state");

            migrationBuilder.CreateIndex(
                name: "ix_overdue_list_entries_list_id_rank",
                table: "overdue_list_entries",
                columns: new[] { "list_id", "rank" });

            migrationBuilder.AddForeignKey(
                name: "fk_overdue_list_entries_overdue_lists_list_id",
                table: "overdue_list_entries",
                column: "list_id",
                principalTable: "overdue_lists",
                principalColumn: "id",
                onDelete: ReferentialAction.Cascade);
        }
    }
}
