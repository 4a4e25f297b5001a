import { Migration } from "@medusajs/framework/mikro-orm/migrations";

export class Migration20261127090517 extends Migration {

  override async up(): Promise<void> {
    this.addSql(`alter table if exists "order_rhythm_exchange_rate" drop constraint if exists "order_rhythm_exchange_rate_reporting_currency_currency_code_effective_from_unique";`);
    this.addSql(`create table if not exists "order_rhythm_exchange_rate" ("id" text not null, "currency_code" text not null, "reporting_currency" text not null, "effective_from" text not null, "rate" numeric not null, "created_by" text null, "raw_rate" jsonb not null, "created_at" timestamptz not null default now(), "updated_at" timestamptz not null default now(), "deleted_at" timestamptz null, constraint "order_rhythm_exchange_rate_pkey" primary key ("id"));`);
    this.addSql(`CREATE INDEX IF NOT EXISTS "IDX_order_rhythm_exchange_rate_deleted_at" ON "order_rhythm_exchange_rate" ("deleted_at") WHERE deleted_at IS NULL;`);
    this.addSql(`CREATE UNIQUE INDEX IF NOT EXISTS "IDX_order_rhythm_exchange_rate_reporting_currency_currency_code_effective_from_unique" ON "order_rhythm_exchange_rate" ("reporting_currency", "currency_code", "effective_from") WHERE deleted_at IS NULL;`);
  }

  override async down(): Promise<void> {
    this.addSql(`drop table if exists "order_rhythm_exchange_rate" cascade;`);
  }

}
