import { Migration } from "@medusajs/framework/mikro-orm/migrations";

export class Migration20261127122547 extends Migration {

  override async up(): Promise<void> {
    this.addSql(`alter table if exists "order_rhythm_stale_digest" drop constraint if exists "order_rhythm_stale_digest_block_hours_block_start_unique";`);
    this.addSql(`create table if not exists "order_rhythm_stale_digest" ("id" text not null, "block_hours" integer not null, "block_start" timestamptz not null, "created_at" timestamptz not null default now(), "updated_at" timestamptz not null default now(), "deleted_at" timestamptz null, constraint "order_rhythm_stale_digest_pkey" primary key ("id"));`);
    this.addSql(`CREATE INDEX IF NOT EXISTS "IDX_order_rhythm_stale_digest_deleted_at" ON "order_rhythm_stale_digest" ("deleted_at") WHERE deleted_at IS NULL;`);
    this.addSql(`CREATE UNIQUE INDEX IF NOT EXISTS "IDX_order_rhythm_stale_digest_block_hours_block_start_unique" ON "order_rhythm_stale_digest" ("block_hours", "block_start") WHERE deleted_at IS NULL;`);
  }

  override async down(): Promise<void> {
    this.addSql(`drop table if exists "order_rhythm_stale_digest" cascade;`);
  }

}
