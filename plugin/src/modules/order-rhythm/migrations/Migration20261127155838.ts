import { Migration } from "@medusajs/framework/mikro-orm/migrations";

export class Migration20261127155838 extends Migration {

  override async up(): Promise<void> {
    this.addSql(`alter table if exists "order_rhythm_day_bucket" drop constraint if exists "order_rhythm_day_bucket_local_date_sales_channel_id_currency_code_unique";`);
    this.addSql(`create table if not exists "order_rhythm_day_bucket" ("id" text not null, "local_date" text not null, "sales_channel_id" text not null, "currency_code" text not null, "first_hour" timestamptz not null, "orders" integer not null default 0, "units" integer not null default 0, "net_revenue" numeric not null default 0, "fulfilments" integer not null default 0, "fulfilled_units" integer not null default 0, "cancellations" integer not null default 0, "returns" integer not null default 0, "raw_net_revenue" jsonb not null default '{"value":"0","precision":20}', "created_at" timestamptz not null default now(), "updated_at" timestamptz not null default now(), "deleted_at" timestamptz null, constraint "order_rhythm_day_bucket_pkey" primary key ("id"));`);
    this.addSql(`CREATE INDEX IF NOT EXISTS "IDX_order_rhythm_day_bucket_deleted_at" ON "order_rhythm_day_bucket" ("deleted_at") WHERE deleted_at IS NULL;`);
    this.addSql(`CREATE UNIQUE INDEX IF NOT EXISTS "IDX_order_rhythm_day_bucket_local_date_sales_channel_id_currency_code_unique" ON "order_rhythm_day_bucket" ("local_date", "sales_channel_id", "currency_code") WHERE deleted_at IS NULL;`);
    // A store upgrading with history: its days from the hour buckets it already holds (by their labels).
    this.addSql(`insert into "order_rhythm_day_bucket" ("id", "local_date", "sales_channel_id", "currency_code", "first_hour", "orders", "units", "net_revenue", "raw_net_revenue", "fulfilments", "fulfilled_units", "cancellations", "returns")
      select 'orday_' || upper(replace(gen_random_uuid()::text, '-', '')), local_date, sales_channel_id, currency_code,
             coalesce(min(hour_start) filter (where orders + cancellations + fulfilments + shipments + deliveries + returns > 0 or captured <> 0 or refunded <> 0), min(hour_start)),
             sum(orders), sum(units), sum(revenue - canceled_revenue - returned_revenue),
             jsonb_build_object('value', sum(revenue - canceled_revenue - returned_revenue)::text, 'precision', 20),
             sum(fulfilments), sum(fulfilled_units), sum(cancellations), sum(returns)
      from "order_rhythm_hour_bucket" where deleted_at is null
      group by local_date, sales_channel_id, currency_code
      on conflict do nothing;`);
  }

  override async down(): Promise<void> {
    this.addSql(`drop table if exists "order_rhythm_day_bucket" cascade;`);
  }

}
