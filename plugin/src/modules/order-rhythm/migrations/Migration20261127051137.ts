import { Migration } from "@medusajs/framework/mikro-orm/migrations";

export class Migration20261127051137 extends Migration {

  override async up(): Promise<void> {
    this.addSql(`alter table if exists "order_rhythm_order_line_fact" drop constraint if exists "order_rhythm_order_line_fact_line_id_unique";`);
    this.addSql(`alter table if exists "order_rhythm_order_fact" drop constraint if exists "order_rhythm_order_fact_order_id_unique";`);
    this.addSql(`create table if not exists "order_rhythm_order_fact" ("id" text not null, "order_id" text not null, "display_id" integer null, "sales_channel_id" text null, "region_id" text null, "customer_id" text null, "currency_code" text not null, "placed_at" timestamptz not null, "canceled_at" timestamptz null, "units" integer not null default 0, "revenue" numeric not null default 0, "source_updated_at" timestamptz not null, "raw_revenue" jsonb not null default '{"value":"0","precision":20}', "created_at" timestamptz not null default now(), "updated_at" timestamptz not null default now(), "deleted_at" timestamptz null, constraint "order_rhythm_order_fact_pkey" primary key ("id"));`);
    this.addSql(`CREATE UNIQUE INDEX IF NOT EXISTS "IDX_order_rhythm_order_fact_order_id_unique" ON "order_rhythm_order_fact" ("order_id") WHERE deleted_at IS NULL;`);
    this.addSql(`CREATE INDEX IF NOT EXISTS "IDX_order_rhythm_order_fact_deleted_at" ON "order_rhythm_order_fact" ("deleted_at") WHERE deleted_at IS NULL;`);
    this.addSql(`CREATE INDEX IF NOT EXISTS "IDX_order_rhythm_order_fact_placed_at" ON "order_rhythm_order_fact" ("placed_at") WHERE deleted_at IS NULL;`);
    this.addSql(`CREATE INDEX IF NOT EXISTS "IDX_order_rhythm_order_fact_sales_channel_id_placed_at" ON "order_rhythm_order_fact" ("sales_channel_id", "placed_at") WHERE deleted_at IS NULL;`);

    this.addSql(`create table if not exists "order_rhythm_order_line_fact" ("id" text not null, "line_id" text not null, "order_id" text not null, "variant_id" text null, "product_id" text null, "sku" text null, "title" text not null, "quantity" integer not null, "unit_price" numeric not null, "net_amount" numeric not null, "raw_unit_price" jsonb not null, "raw_net_amount" jsonb not null, "created_at" timestamptz not null default now(), "updated_at" timestamptz not null default now(), "deleted_at" timestamptz null, constraint "order_rhythm_order_line_fact_pkey" primary key ("id"));`);
    this.addSql(`CREATE UNIQUE INDEX IF NOT EXISTS "IDX_order_rhythm_order_line_fact_line_id_unique" ON "order_rhythm_order_line_fact" ("line_id") WHERE deleted_at IS NULL;`);
    this.addSql(`CREATE INDEX IF NOT EXISTS "IDX_order_rhythm_order_line_fact_deleted_at" ON "order_rhythm_order_line_fact" ("deleted_at") WHERE deleted_at IS NULL;`);
    this.addSql(`CREATE INDEX IF NOT EXISTS "IDX_order_rhythm_order_line_fact_order_id" ON "order_rhythm_order_line_fact" ("order_id") WHERE deleted_at IS NULL;`);
    this.addSql(`CREATE INDEX IF NOT EXISTS "IDX_order_rhythm_order_line_fact_variant_id" ON "order_rhythm_order_line_fact" ("variant_id") WHERE deleted_at IS NULL;`);
  }

  override async down(): Promise<void> {
    this.addSql(`drop table if exists "order_rhythm_order_fact" cascade;`);

    this.addSql(`drop table if exists "order_rhythm_order_line_fact" cascade;`);
  }

}
