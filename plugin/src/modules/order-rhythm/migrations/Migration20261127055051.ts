import { Migration } from "@medusajs/framework/mikro-orm/migrations";

export class Migration20261127055051 extends Migration {

  override async up(): Promise<void> {
    this.addSql(`alter table if exists "order_rhythm_display_token" drop constraint if exists "order_rhythm_display_token_token_hash_unique";`);
    this.addSql(`create table if not exists "order_rhythm_display_token" ("id" text not null, "name" text not null, "scopes" jsonb not null, "token_hash" text not null, "token_prefix" text not null, "expires_at" timestamptz null, "revoked_at" timestamptz null, "last_seen_at" timestamptz null, "created_by" text null, "created_at" timestamptz not null default now(), "updated_at" timestamptz not null default now(), "deleted_at" timestamptz null, constraint "order_rhythm_display_token_pkey" primary key ("id"));`);
    this.addSql(`CREATE UNIQUE INDEX IF NOT EXISTS "IDX_order_rhythm_display_token_token_hash_unique" ON "order_rhythm_display_token" ("token_hash") WHERE deleted_at IS NULL;`);
    this.addSql(`CREATE INDEX IF NOT EXISTS "IDX_order_rhythm_display_token_deleted_at" ON "order_rhythm_display_token" ("deleted_at") WHERE deleted_at IS NULL;`);
  }

  override async down(): Promise<void> {
    this.addSql(`drop table if exists "order_rhythm_display_token" cascade;`);
  }

}
