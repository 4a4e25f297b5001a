import { Migration } from "@medusajs/framework/mikro-orm/migrations";

export class Migration20261127164550 extends Migration {

  override async up(): Promise<void> {
    this.addSql(`alter table if exists "order_rhythm_order_line_fact" add column if not exists "placed_at" timestamptz null;`);
    // The stored lines take their order's placement, as every line written from now on does.
    this.addSql(`update "order_rhythm_order_line_fact" l set "placed_at" = o."placed_at" from "order_rhythm_order_fact" o where o."order_id" = l."order_id" and o."deleted_at" is null and l."placed_at" is null;`);
    this.addSql(`CREATE INDEX IF NOT EXISTS "IDX_order_rhythm_order_line_fact_variant_id_placed_at" ON "order_rhythm_order_line_fact" ("variant_id", "placed_at") WHERE deleted_at IS NULL;`);
  }

  override async down(): Promise<void> {
    this.addSql(`drop index if exists "IDX_order_rhythm_order_line_fact_variant_id_placed_at";`);
    this.addSql(`alter table if exists "order_rhythm_order_line_fact" drop column if exists "placed_at";`);
  }

}
