import { Migration } from "@medusajs/framework/mikro-orm/migrations";

export class Migration20261127060030 extends Migration {

  override async up(): Promise<void> {
    this.addSql(`alter table if exists "order_rhythm_variant_item" drop constraint if exists "order_rhythm_variant_item_variant_id_inventory_item_id_unique";`);
    this.addSql(`alter table if exists "order_rhythm_variant_day" drop constraint if exists "order_rhythm_variant_day_local_date_variant_id_location_id_unique";`);
    this.addSql(`alter table if exists "order_rhythm_inventory_snapshot" drop constraint if exists "order_rhythm_inventory_snapshot_inventory_item_id_location_id_observed_at_unique";`);
    this.addSql(`create table if not exists "order_rhythm_inventory_snapshot" ("id" text not null, "inventory_item_id" text not null, "location_id" text not null, "stocked" integer not null, "reserved" integer not null, "incoming" integer not null, "observed_at" timestamptz not null, "created_at" timestamptz not null default now(), "updated_at" timestamptz not null default now(), "deleted_at" timestamptz null, constraint "order_rhythm_inventory_snapshot_pkey" primary key ("id"));`);
    this.addSql(`CREATE INDEX IF NOT EXISTS "IDX_order_rhythm_inventory_snapshot_deleted_at" ON "order_rhythm_inventory_snapshot" ("deleted_at") WHERE deleted_at IS NULL;`);
    this.addSql(`CREATE UNIQUE INDEX IF NOT EXISTS "IDX_order_rhythm_inventory_snapshot_inventory_item_id_location_id_observed_at_unique" ON "order_rhythm_inventory_snapshot" ("inventory_item_id", "location_id", "observed_at") WHERE deleted_at IS NULL;`);
    this.addSql(`CREATE INDEX IF NOT EXISTS "IDX_order_rhythm_inventory_snapshot_observed_at" ON "order_rhythm_inventory_snapshot" ("observed_at") WHERE deleted_at IS NULL;`);

    this.addSql(`create table if not exists "order_rhythm_variant_day" ("id" text not null, "local_date" text not null, "variant_id" text not null, "location_id" text not null, "units_demanded" integer not null default 0, "units_returned" integer not null default 0, "stock_end" integer null, "out_of_stock" boolean null, "created_at" timestamptz not null default now(), "updated_at" timestamptz not null default now(), "deleted_at" timestamptz null, constraint "order_rhythm_variant_day_pkey" primary key ("id"));`);
    this.addSql(`CREATE INDEX IF NOT EXISTS "IDX_order_rhythm_variant_day_deleted_at" ON "order_rhythm_variant_day" ("deleted_at") WHERE deleted_at IS NULL;`);
    this.addSql(`CREATE UNIQUE INDEX IF NOT EXISTS "IDX_order_rhythm_variant_day_local_date_variant_id_location_id_unique" ON "order_rhythm_variant_day" ("local_date", "variant_id", "location_id") WHERE deleted_at IS NULL;`);
    this.addSql(`CREATE INDEX IF NOT EXISTS "IDX_order_rhythm_variant_day_variant_id_local_date" ON "order_rhythm_variant_day" ("variant_id", "local_date") WHERE deleted_at IS NULL;`);

    this.addSql(`create table if not exists "order_rhythm_variant_item" ("id" text not null, "variant_id" text not null, "inventory_item_id" text not null, "required_quantity" integer not null default 1, "created_at" timestamptz not null default now(), "updated_at" timestamptz not null default now(), "deleted_at" timestamptz null, constraint "order_rhythm_variant_item_pkey" primary key ("id"));`);
    this.addSql(`CREATE INDEX IF NOT EXISTS "IDX_order_rhythm_variant_item_deleted_at" ON "order_rhythm_variant_item" ("deleted_at") WHERE deleted_at IS NULL;`);
    this.addSql(`CREATE UNIQUE INDEX IF NOT EXISTS "IDX_order_rhythm_variant_item_variant_id_inventory_item_id_unique" ON "order_rhythm_variant_item" ("variant_id", "inventory_item_id") WHERE deleted_at IS NULL;`);
    this.addSql(`CREATE INDEX IF NOT EXISTS "IDX_order_rhythm_variant_item_inventory_item_id" ON "order_rhythm_variant_item" ("inventory_item_id") WHERE deleted_at IS NULL;`);

    this.addSql(`alter table if exists "order_rhythm_order_line_fact" add column if not exists "stock_location_id" text null, add column if not exists "inventory_items" jsonb null;`);

    this.addSql(`alter table if exists "order_rhythm_stage_fact" add column if not exists "line_id" text null, add column if not exists "variant_id" text null;`);
  }

  override async down(): Promise<void> {
    this.addSql(`drop table if exists "order_rhythm_inventory_snapshot" cascade;`);

    this.addSql(`drop table if exists "order_rhythm_variant_day" cascade;`);

    this.addSql(`drop table if exists "order_rhythm_variant_item" cascade;`);

    this.addSql(`alter table if exists "order_rhythm_order_line_fact" drop column if exists "stock_location_id", drop column if exists "inventory_items";`);

    this.addSql(`alter table if exists "order_rhythm_stage_fact" drop column if exists "line_id", drop column if exists "variant_id";`);
  }

}
