/**
 * The plugin's stored state without its surrogate ids and bookkeeping timestamps:
 * two ways of ingesting the same orders must leave exactly this equal.
 */
export async function factSnapshot(db: any) {
  const rows = async (sql: string) => (await db.raw(sql)).rows
  return {
    orders: await rows(`
      select order_id, display_id, sales_channel_id, region_id, customer_id, currency_code, placed_at, canceled_at,
             units, revenue::text, stock_location_id, captured_at, first_fulfilled_at, fully_fulfilled_at,
             first_shipped_at, fully_shipped_at, fully_delivered_at, fulfilled_units, shipped_units,
             delivered_units, returned_units
        from order_rhythm_order_fact where deleted_at is null order by order_id`),
    lines: await rows(`
      select line_id, order_id, variant_id, product_id, sku, title, quantity, unit_price::text, net_amount::text
        from order_rhythm_order_line_fact where deleted_at is null order by line_id`),
    stages: await rows(`
      select key, order_id, stage, source_id, occurred_at, units, amount::text, currency_code, sales_channel_id, stock_location_id
        from order_rhythm_stage_fact where deleted_at is null order by key`),
    buckets: await rows(`
      select hour_start, sales_channel_id, currency_code, local_date, local_hour, orders, units, revenue::text,
             cancellations, canceled_revenue::text, fulfilments, fulfilled_units, shipments, deliveries, returns,
             returned_units, returned_revenue::text, captured::text, refunded::text
        from order_rhythm_hour_bucket
       where deleted_at is null
         and ((orders + cancellations + fulfilments + shipments + deliveries + returns) > 0 or captured <> 0 or refunded <> 0)
       order by hour_start, sales_channel_id, currency_code`),
    days: await rows(`
      select local_date, sales_channel_id, currency_code, first_hour, orders, units, net_revenue::text,
             fulfilments, fulfilled_units, cancellations, returns
        from order_rhythm_day_bucket
       where deleted_at is null and (orders + cancellations + fulfilments + returns > 0 or net_revenue <> 0)
       order by local_date, sales_channel_id, currency_code`),
    // The hours' cycle-time digests; the blocks above are added up from them (see allDigests).
    digests: await rows(`
      select block_start, sales_channel_id, stock_location_id, orders, digest
        from order_rhythm_flow_digest where deleted_at is null and block_hours = 1
       order by block_start, sales_channel_id, stock_location_id`),
  }
}

export async function clearPluginTables(db: any) {
  await db.raw(
    "truncate order_rhythm_order_fact, order_rhythm_order_line_fact, order_rhythm_stage_fact, order_rhythm_hour_bucket, order_rhythm_day_bucket, order_rhythm_flow_digest, order_rhythm_stale_digest, order_rhythm_state"
  )
}

/** Every stored cycle-time digest, the blocks above the hours included. */
export async function allDigests(db: any) {
  return (
    await db.raw(`
      select block_hours, block_start, sales_channel_id, stock_location_id, orders, digest
        from order_rhythm_flow_digest where deleted_at is null
       order by block_hours, block_start, sales_channel_id, stock_location_id`)
  ).rows
}
