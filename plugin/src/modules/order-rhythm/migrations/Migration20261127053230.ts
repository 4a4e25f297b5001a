import { Migration } from "@medusajs/framework/mikro-orm/migrations";

export class Migration20261127053230 extends Migration {

  override async up(): Promise<void> {
    this.addSql(`alter table if exists "order_rhythm_state" drop constraint if exists "order_rhythm_state_key_unique";`);
    this.addSql(`alter table if exists "order_rhythm_stage_fact" drop constraint if exists "order_rhythm_stage_fact_key_unique";`);
    this.addSql(`alter table if exists "order_rhythm_hour_bucket" drop constraint if exists "order_rhythm_hour_bucket_hour_start_sales_channel_id_currency_code_unique";`);
    this.addSql(`create table if not exists "order_rhythm_hour_bucket" ("id" text not null, "hour_start" timestamptz not null, "sales_channel_id" text not null, "currency_code" text not null, "local_date" text not null, "local_hour" integer not null, "orders" integer not null default 0, "units" integer not null default 0, "revenue" numeric not null default 0, "cancellations" integer not null default 0, "canceled_revenue" numeric not null default 0, "fulfilments" integer not null default 0, "fulfilled_units" integer not null default 0, "shipments" integer not null default 0, "deliveries" integer not null default 0, "returns" integer not null default 0, "returned_units" integer not null default 0, "returned_revenue" numeric not null default 0, "captured" numeric not null default 0, "refunded" numeric not null default 0, "raw_revenue" jsonb not null default '{"value":"0","precision":20}', "raw_canceled_revenue" jsonb not null default '{"value":"0","precision":20}', "raw_returned_revenue" jsonb not null default '{"value":"0","precision":20}', "raw_captured" jsonb not null default '{"value":"0","precision":20}', "raw_refunded" jsonb not null default '{"value":"0","precision":20}', "created_at" timestamptz not null default now(), "updated_at" timestamptz not null default now(), "deleted_at" timestamptz null, constraint "order_rhythm_hour_bucket_pkey" primary key ("id"));`);
    this.addSql(`CREATE INDEX IF NOT EXISTS "IDX_order_rhythm_hour_bucket_deleted_at" ON "order_rhythm_hour_bucket" ("deleted_at") WHERE deleted_at IS NULL;`);
    this.addSql(`CREATE UNIQUE INDEX IF NOT EXISTS "IDX_order_rhythm_hour_bucket_hour_start_sales_channel_id_currency_code_unique" ON "order_rhythm_hour_bucket" ("hour_start", "sales_channel_id", "currency_code") WHERE deleted_at IS NULL;`);
    this.addSql(`CREATE INDEX IF NOT EXISTS "IDX_order_rhythm_hour_bucket_local_date" ON "order_rhythm_hour_bucket" ("local_date") WHERE deleted_at IS NULL;`);

    this.addSql(`create table if not exists "order_rhythm_stage_fact" ("id" text not null, "key" text not null, "order_id" text not null, "stage" text check ("stage" in ('captured', 'refunded', 'fulfilled', 'shipped', 'delivered', 'return_requested', 'returned', 'canceled', 'edited', 'claimed', 'exchanged')) not null, "source_id" text not null, "occurred_at" timestamptz not null, "units" integer not null default 0, "amount" numeric not null default 0, "currency_code" text not null, "sales_channel_id" text not null default '', "stock_location_id" text null, "raw_amount" jsonb not null default '{"value":"0","precision":20}', "created_at" timestamptz not null default now(), "updated_at" timestamptz not null default now(), "deleted_at" timestamptz null, constraint "order_rhythm_stage_fact_pkey" primary key ("id"));`);
    this.addSql(`CREATE UNIQUE INDEX IF NOT EXISTS "IDX_order_rhythm_stage_fact_key_unique" ON "order_rhythm_stage_fact" ("key") WHERE deleted_at IS NULL;`);
    this.addSql(`CREATE INDEX IF NOT EXISTS "IDX_order_rhythm_stage_fact_deleted_at" ON "order_rhythm_stage_fact" ("deleted_at") WHERE deleted_at IS NULL;`);
    this.addSql(`CREATE INDEX IF NOT EXISTS "IDX_order_rhythm_stage_fact_order_id" ON "order_rhythm_stage_fact" ("order_id") WHERE deleted_at IS NULL;`);
    this.addSql(`CREATE INDEX IF NOT EXISTS "IDX_order_rhythm_stage_fact_occurred_at" ON "order_rhythm_stage_fact" ("occurred_at") WHERE deleted_at IS NULL;`);

    this.addSql(`create table if not exists "order_rhythm_state" ("id" text not null, "key" text not null, "value" jsonb not null, "created_at" timestamptz not null default now(), "updated_at" timestamptz not null default now(), "deleted_at" timestamptz null, constraint "order_rhythm_state_pkey" primary key ("id"));`);
    this.addSql(`CREATE UNIQUE INDEX IF NOT EXISTS "IDX_order_rhythm_state_key_unique" ON "order_rhythm_state" ("key") WHERE deleted_at IS NULL;`);
    this.addSql(`CREATE INDEX IF NOT EXISTS "IDX_order_rhythm_state_deleted_at" ON "order_rhythm_state" ("deleted_at") WHERE deleted_at IS NULL;`);

    this.addSql(`alter table if exists "order_rhythm_order_fact" add column if not exists "stock_location_id" text null, add column if not exists "captured_at" timestamptz null, add column if not exists "first_fulfilled_at" timestamptz null, add column if not exists "fully_fulfilled_at" timestamptz null, add column if not exists "first_shipped_at" timestamptz null, add column if not exists "fully_shipped_at" timestamptz null, add column if not exists "fully_delivered_at" timestamptz null, add column if not exists "fulfilled_units" integer not null default 0, add column if not exists "shipped_units" integer not null default 0, add column if not exists "delivered_units" integer not null default 0, add column if not exists "returned_units" integer not null default 0;`);
  }

  override async down(): Promise<void> {
    this.addSql(`drop table if exists "order_rhythm_hour_bucket" cascade;`);

    this.addSql(`drop table if exists "order_rhythm_stage_fact" cascade;`);

    this.addSql(`drop table if exists "order_rhythm_state" cascade;`);

    this.addSql(`alter table if exists "order_rhythm_order_fact" drop column if exists "stock_location_id", drop column if exists "captured_at", drop column if exists "first_fulfilled_at", drop column if exists "fully_fulfilled_at", drop column if exists "first_shipped_at", drop column if exists "fully_shipped_at", drop column if exists "fully_delivered_at", drop column if exists "fulfilled_units", drop column if exists "shipped_units", drop column if exists "delivered_units", drop column if exists "returned_units";`);
  }

}
