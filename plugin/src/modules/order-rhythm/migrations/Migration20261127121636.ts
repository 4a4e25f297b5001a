import { Migration } from "@medusajs/framework/mikro-orm/migrations";

export class Migration20261127121636 extends Migration {

  override async up(): Promise<void> {
    this.addSql(`alter table if exists "order_rhythm_flow_digest" drop constraint if exists "order_rhythm_flow_digest_block_hours_block_start_sales_channel_id_stock_location_id_unique";`);
    this.addSql(`create table if not exists "order_rhythm_flow_digest" ("id" text not null, "block_hours" integer not null, "block_start" timestamptz not null, "sales_channel_id" text not null, "stock_location_id" text not null, "orders" integer not null default 0, "digest" jsonb not null, "created_at" timestamptz not null default now(), "updated_at" timestamptz not null default now(), "deleted_at" timestamptz null, constraint "order_rhythm_flow_digest_pkey" primary key ("id"));`);
    this.addSql(`CREATE INDEX IF NOT EXISTS "IDX_order_rhythm_flow_digest_deleted_at" ON "order_rhythm_flow_digest" ("deleted_at") WHERE deleted_at IS NULL;`);
    this.addSql(`CREATE UNIQUE INDEX IF NOT EXISTS "IDX_order_rhythm_flow_digest_block_hours_block_start_sales_channel_id_stock_location_id_unique" ON "order_rhythm_flow_digest" ("block_hours", "block_start", "sales_channel_id", "stock_location_id") WHERE deleted_at IS NULL;`);
  }

  override async down(): Promise<void> {
    this.addSql(`drop table if exists "order_rhythm_flow_digest" cascade;`);
  }

}
