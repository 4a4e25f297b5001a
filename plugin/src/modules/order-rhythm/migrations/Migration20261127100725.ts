import { Migration } from "@medusajs/framework/mikro-orm/migrations";

export class Migration20261127100725 extends Migration {

  override async up(): Promise<void> {
    this.addSql(`CREATE INDEX IF NOT EXISTS "IDX_order_rhythm_order_fact_open_fulfilled" ON "order_rhythm_order_fact" ("placed_at") WHERE canceled_at IS NULL AND fully_fulfilled_at IS NULL AND deleted_at IS NULL;`);
    this.addSql(`CREATE INDEX IF NOT EXISTS "IDX_order_rhythm_order_fact_open_shipped" ON "order_rhythm_order_fact" ("placed_at") WHERE canceled_at IS NULL AND fully_shipped_at IS NULL AND deleted_at IS NULL;`);
    this.addSql(`CREATE INDEX IF NOT EXISTS "IDX_order_rhythm_order_fact_open_delivered" ON "order_rhythm_order_fact" ("placed_at") WHERE canceled_at IS NULL AND fully_delivered_at IS NULL AND deleted_at IS NULL;`);
  }

  override async down(): Promise<void> {
    this.addSql(`drop index if exists "IDX_order_rhythm_order_fact_open_fulfilled";`);
    this.addSql(`drop index if exists "IDX_order_rhythm_order_fact_open_shipped";`);
    this.addSql(`drop index if exists "IDX_order_rhythm_order_fact_open_delivered";`);
  }

}
