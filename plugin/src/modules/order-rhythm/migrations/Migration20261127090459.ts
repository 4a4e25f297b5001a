import { Migration } from "@medusajs/framework/mikro-orm/migrations";

export class Migration20261127090459 extends Migration {

  override async up(): Promise<void> {
    this.addSql(`alter table if exists "order_rhythm_forecast_state" drop constraint if exists "order_rhythm_forecast_state_variant_id_location_id_unique";`);
    this.addSql(`alter table if exists "order_rhythm_forecast_point" drop constraint if exists "order_rhythm_forecast_point_variant_id_location_id_horizon_target_date_unique";`);
    this.addSql(`create table if not exists "order_rhythm_forecast_point" ("id" text not null, "variant_id" text not null, "location_id" text not null, "horizon" integer not null, "origin_date" text not null, "target_date" text not null, "forecast" real not null, "lo95" real not null, "hi95" real not null, "scale" real null, "actual" real null, "in_stock" boolean null, "created_at" timestamptz not null default now(), "updated_at" timestamptz not null default now(), "deleted_at" timestamptz null, constraint "order_rhythm_forecast_point_pkey" primary key ("id"));`);
    this.addSql(`CREATE INDEX IF NOT EXISTS "IDX_order_rhythm_forecast_point_deleted_at" ON "order_rhythm_forecast_point" ("deleted_at") WHERE deleted_at IS NULL;`);
    this.addSql(`CREATE UNIQUE INDEX IF NOT EXISTS "IDX_order_rhythm_forecast_point_variant_id_location_id_horizon_target_date_unique" ON "order_rhythm_forecast_point" ("variant_id", "location_id", "horizon", "target_date") WHERE deleted_at IS NULL;`);
    this.addSql(`CREATE INDEX IF NOT EXISTS "IDX_order_rhythm_forecast_point_target_date" ON "order_rhythm_forecast_point" ("target_date") WHERE deleted_at IS NULL;`);

    this.addSql(`create table if not exists "order_rhythm_forecast_state" ("id" text not null, "variant_id" text not null, "location_id" text not null, "model" text not null, "members" jsonb not null, "intermittent" boolean not null default false, "state" jsonb not null, "forecast_mean" jsonb not null, "mase" real null, "rmsse" real null, "bias" real null, "coverage95" real null, "backtest_pairs" integer not null default 0, "scale" real null, "first_date" text not null, "last_date" text not null, "selected_at" timestamptz not null, "fitted_at" timestamptz not null, "created_at" timestamptz not null default now(), "updated_at" timestamptz not null default now(), "deleted_at" timestamptz null, constraint "order_rhythm_forecast_state_pkey" primary key ("id"));`);
    this.addSql(`CREATE INDEX IF NOT EXISTS "IDX_order_rhythm_forecast_state_deleted_at" ON "order_rhythm_forecast_state" ("deleted_at") WHERE deleted_at IS NULL;`);
    this.addSql(`CREATE UNIQUE INDEX IF NOT EXISTS "IDX_order_rhythm_forecast_state_variant_id_location_id_unique" ON "order_rhythm_forecast_state" ("variant_id", "location_id") WHERE deleted_at IS NULL;`);
  }

  override async down(): Promise<void> {
    this.addSql(`drop table if exists "order_rhythm_forecast_point" cascade;`);

    this.addSql(`drop table if exists "order_rhythm_forecast_state" cascade;`);
  }

}
