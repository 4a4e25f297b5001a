import type { MedusaContainer } from "@medusajs/framework/types"
import { ContainerRegistrationKeys, Modules } from "@medusajs/framework/utils"
import type { DemoStore } from "./demo-store"
import { planHistory, stockKey, type HistoryPlan, type PlannedCustomer, type PlannedOrder, type Warehouse } from "./history-plan"

/**
 * Writes a planned history into Medusa, batch by batch, through its modules: orders with
 * their lines, shipping and addresses (Order module, backdated), payment collections,
 * sessions, payments, captures and refunds (Payment module) linked to the orders, with the
 * order's transactions; fulfilments with their shipped and delivered times (Fulfillment
 * module) linked to the orders; returns; the order items' fulfilled, shipped, delivered and
 * returned quantities; and at the end reservations for the lines still open and the stock
 * levels the history left. Workflows would be closer to a real checkout but run at about
 * 12 orders a second here; the modules take a batch at once.
 *
 * Progress is kept in the store's metadata after every batch, so an interrupted run
 * resumes with the next batch (the plan is deterministic for its seed and `now`).
 */
export type HistoryProgress = { seed: number; now: string; batches_done: number; batches: number; complete: boolean }

export const BATCH = 250

/**
 * What the writer needs to know about the store a planned order goes into. The demo store
 * is one (demoTarget); a benchmark replaying another shop's orders brings its own.
 */
export type HistoryTarget = {
  variant(sku: string): { id: string; productId: string; inventoryItemId: string; productTitle: string; variantTitle: string }
  location(warehouse: string): string
  shippingOption(warehouse: string): string
  regionId(order: WritableOrder): string
  channelId(order: WritableOrder): string
  currency(order: WritableOrder): string
  shippingFee(order: WritableOrder): number
  shippingName(order: WritableOrder): string
  address1(order: WritableOrder): string
}

/** A planned order as the writer reads it: PlannedOrder, with its store's keys as plain strings. */
export type WritableOrder = Omit<PlannedOrder, "channel" | "region" | "lines" | "fulfilments" | "returns"> & {
  channel: string
  region: string
  lines: Array<{ sku: string; quantity: number; unitPrice: number; warehouse: string }>
  fulfilments: Array<Omit<PlannedOrder["fulfilments"][number], "warehouse"> & { warehouse: string }>
  returns: Array<Omit<PlannedOrder["returns"][number], "warehouse"> & { warehouse: string }>
}
export type WritablePlan = { from: Date; customers: Array<Pick<PlannedCustomer, "firstName" | "lastName" | "email">> }

export function demoTarget(store: DemoStore): HistoryTarget {
  return {
    variant: (sku) => store.variants[sku],
    location: (warehouse) => store.locations[warehouse as keyof DemoStore["locations"]].id,
    shippingOption: (warehouse) => store.shippingOptions[warehouse as keyof DemoStore["shippingOptions"]],
    regionId: (p) => store.regions[p.region as keyof DemoStore["regions"]].id,
    channelId: (p) => store.channels[p.channel as keyof DemoStore["channels"]].id,
    currency,
    shippingFee,
    shippingName: (p) => (p.channel === "flagship" ? "Counter sale" : "Express"),
    address1: (p) => (p.channel === "flagship" ? "Counter sale" : `${(p.key % 400) + 1} Demo Road`),
  }
}
const PROGRESS_KEY = "order_rhythm_demo_history"

export async function readHistoryProgress(container: MedusaContainer): Promise<HistoryProgress | null> {
  const [store] = await container.resolve(Modules.STORE).listStores({}, { select: ["id", "metadata"] })
  return ((store?.metadata as any)?.[PROGRESS_KEY] as HistoryProgress) ?? null
}

async function saveHistoryProgress(container: MedusaContainer, progress: HistoryProgress) {
  const storeModule = container.resolve(Modules.STORE)
  const [store] = await storeModule.listStores({}, { select: ["id", "metadata"] })
  await storeModule.updateStores(store.id, { metadata: { ...(store.metadata ?? {}), [PROGRESS_KEY]: progress } })
}

export async function writeHistory(
  container: MedusaContainer,
  store: DemoStore,
  plan: HistoryPlan,
  seed: number,
  log: (line: string) => void
): Promise<{ orders: number; seconds: number }> {
  const started = Date.now()
  const batches = Math.ceil(plan.orders.length / BATCH)
  let progress = (await readHistoryProgress(container)) ?? {
    seed,
    now: plan.now.toISOString(),
    batches_done: 0,
    batches,
    complete: false,
  }
  const target = demoTarget(store)
  const customers = await ensureCustomers(container, plan)
  if (progress.batches_done === 0) {
    await saveHistoryProgress(container, progress)
  } else {
    log(`resuming the history at batch ${progress.batches_done + 1} of ${batches}`)
    await removePartialBatch(container, plan, progress.batches_done)
  }

  let written = 0
  for (let batch = progress.batches_done; batch < batches; batch++) {
    const orders = plan.orders.slice(batch * BATCH, (batch + 1) * BATCH)
    await writeHistoryBatch(container, target, orders, customers, plan)
    written += orders.length
    progress = { ...progress, batches_done: batch + 1 }
    await saveHistoryProgress(container, progress)
    if ((batch + 1) % 8 === 0 || batch + 1 === batches) {
      const seconds = (Date.now() - started) / 1000
      const done = Math.min(plan.orders.length, (batch + 1) * BATCH)
      log(
        `history: ${done.toLocaleString("en")} of ${plan.orders.length.toLocaleString("en")} orders ` +
          `(${Math.round(written / seconds)} orders/s, up to ${orders[orders.length - 1].placedAt.toISOString().slice(0, 10)})`
      )
    }
  }
  await writeOpenReservationsAndStock(container, target, plan)
  await saveHistoryProgress(container, { ...progress, complete: true })
  return { orders: written, seconds: (Date.now() - started) / 1000 }
}

const HOUR_MS = 3_600_000

/**
 * A demo run again later: what the store would have sold since its last activity (the
 * newest change to any order), planned from the stock the store holds now and written as
 * the year was. Interrupted, the next run tops up from what was written. Returns the
 * number of orders written (0 when less than an hour has passed).
 */
export async function topUpHistory(
  container: MedusaContainer,
  store: DemoStore,
  progress: HistoryProgress,
  log: (line: string) => void,
  now = new Date()
): Promise<number> {
  const orderModule = container.resolve(Modules.ORDER) as any
  const inventory = container.resolve(Modules.INVENTORY) as any
  const [latest] = await orderModule.listOrders({}, { select: ["updated_at"], order: { updated_at: "DESC" }, take: 1 })
  const after = latest ? new Date(latest.updated_at) : new Date(progress.now)
  if (now.getTime() - after.getTime() < HOUR_MS) {
    return 0
  }
  const levels = await inventory.listInventoryLevels(
    { inventory_item_id: Object.values(store.variants).map((v) => v.inventoryItemId) },
    { select: ["inventory_item_id", "location_id", "stocked_quantity", "reserved_quantity"] }
  )
  const skuOf = new Map(Object.entries(store.variants).map(([sku, v]) => [v.inventoryItemId, sku]))
  const warehouseOf = new Map(Object.entries(store.locations).map(([warehouse, l]) => [l.id, warehouse as Warehouse]))
  const freeStock: Record<string, number> = {}
  const reservedBefore = new Map<string, number>()
  for (const level of levels) {
    const k = stockKey(skuOf.get(level.inventory_item_id)!, warehouseOf.get(level.location_id)!)
    freeStock[k] = Number(level.stocked_quantity) - Number(level.reserved_quantity)
    reservedBefore.set(k, Number(level.reserved_quantity))
  }
  const plan = planHistory({ now, after, seed: progress.seed, freeStock })
  log(`topping the history up from ${after.toISOString()}: ${plan.orders.length.toLocaleString("en")} orders`)
  const target = demoTarget(store)
  const customers = await ensureCustomers(container, plan)
  for (let start = 0; start < plan.orders.length; start += BATCH) {
    await writeHistoryBatch(container, target, plan.orders.slice(start, start + BATCH), customers, plan)
  }
  // Units held for orders placed before the top-up stay held: stocked counts them too.
  const stock = plan.stock.map((s) => ({ ...s, stocked: s.stocked + (reservedBefore.get(stockKey(s.sku, s.warehouse)) ?? 0) }))
  await writeOpenReservationsAndStock(container, target, { orders: plan.orders, stock })
  await saveHistoryProgress(container, { ...progress, now: now.toISOString() })
  return plan.orders.length
}

/** Customers are created once, before the first batch, and found by email afterwards. */
export async function ensureCustomers(container: MedusaContainer, plan: WritablePlan): Promise<string[]> {
  const customerModule = container.resolve(Modules.CUSTOMER)
  const ids: string[] = []
  for (let start = 0; start < plan.customers.length; start += 1000) {
    const chunk = plan.customers.slice(start, start + 1000)
    const existing = await customerModule.listCustomers({ email: chunk.map((c) => c.email) }, { select: ["id", "email"], take: chunk.length })
    const byEmail = new Map(existing.map((c) => [c.email, c.id]))
    const missing = chunk.filter((c) => !byEmail.has(c.email))
    if (missing.length) {
      const created = await customerModule.createCustomers(
        missing.map((c) => ({
          first_name: c.firstName,
          last_name: c.lastName,
          email: c.email,
          has_account: true,
          created_at: plan.from,
        })) as any
      )
      for (const customer of created) byEmail.set(customer.email, customer.id)
    }
    ids.push(...chunk.map((c) => byEmail.get(c.email)!))
  }
  return ids
}

/** A batch that was being written when the last run stopped: its orders go, to be written whole. */
async function removePartialBatch(container: MedusaContainer, plan: HistoryPlan, batchesDone: number) {
  const first = plan.orders[batchesDone * BATCH]
  if (!first) return
  const orderModule = container.resolve(Modules.ORDER)
  const partial = await orderModule.listOrders(
    { created_at: { $gte: first.placedAt } } as any,
    { select: ["id", "metadata"], take: BATCH * 4 }
  )
  const ids = partial.filter((order) => (order.metadata as any)?.demo_key !== undefined).map((order) => order.id)
  if (ids.length) {
    await orderModule.deleteOrders(ids)
  }
}

export async function writeHistoryBatch(
  container: MedusaContainer,
  target: HistoryTarget,
  planned: WritableOrder[],
  customers: string[],
  plan: WritablePlan
) {
  const orderModule = container.resolve(Modules.ORDER) as any
  const paymentModule = container.resolve(Modules.PAYMENT) as any
  const fulfillmentModule = container.resolve(Modules.FULFILLMENT) as any
  const link = container.resolve(ContainerRegistrationKeys.LINK)

  const currency = target.currency
  const created = await orderModule.createOrders(planned.map((order) => orderInput(order, target, customers, plan)))
  const byKey = new Map<number, any>(created.map((order: any) => [order.metadata.demo_key, order]))
  const orderOf = (p: WritableOrder) => byKey.get(p.key)
  const itemOf = (p: WritableOrder, line: number) =>
    orderOf(p).items.find((item: any) => item.variant_id === target.variant(p.lines[line].sku).id)

  // Payments: collection -> session -> payment -> capture and refunds, as checkout leaves them.
  const paid = planned.filter((p) => p.capturedAt)
  if (paid.length) {
    const amount = (p: WritableOrder) => orderTotal(p, target)
    const refunded = (p: WritableOrder) => p.refunds.reduce((sum, r) => sum + r.amount, 0)
    const collections = await paymentModule.createPaymentCollections(
      paid.map((p) => ({
        currency_code: currency(p),
        amount: amount(p),
        authorized_amount: amount(p),
        captured_amount: amount(p),
        refunded_amount: refunded(p),
        status: "completed",
        completed_at: p.capturedAt,
        created_at: p.placedAt,
      }))
    )
    const sessions = await paymentModule.createPaymentSessions(
      paid.map((p, i) => ({
        payment_collection_id: collections[i].id,
        provider_id: "pp_system_default",
        currency_code: currency(p),
        amount: amount(p),
        data: {},
        context: {},
        status: "authorized",
        authorized_at: p.placedAt,
        created_at: p.placedAt,
      }))
    )
    const payments = await paymentModule.createPayments(
      paid.map((p, i) => ({
        payment_session_id: sessions[i].id,
        payment_collection_id: collections[i].id,
        provider_id: "pp_system_default",
        currency_code: currency(p),
        amount: amount(p),
        data: {},
        captured_at: p.capturedAt,
        created_at: p.placedAt,
      }))
    )
    const captures = await paymentModule.createCaptures(
      paid.map((p, i) => ({ payment_id: payments[i].id, amount: amount(p), created_at: p.capturedAt }))
    )
    const refundRows = paid.flatMap((p, i) =>
      p.refunds.map((r) => ({ payment_id: payments[i].id, amount: r.amount, created_at: r.at, note: "demo history" }))
    )
    const refunds = refundRows.length ? await paymentModule.createRefunds(refundRows) : []
    await link.create(
      paid.map((p, i) => ({
        [Modules.ORDER]: { order_id: orderOf(p).id },
        [Modules.PAYMENT]: { payment_collection_id: collections[i].id },
      }))
    )
    let refundIndex = 0
    await orderModule.addOrderTransactions(
      paid.flatMap((p, i) => [
        {
          order_id: orderOf(p).id,
          amount: amount(p),
          currency_code: currency(p),
          reference: "capture",
          reference_id: captures[i].id,
          created_at: p.capturedAt,
        },
        ...p.refunds.map((r) => ({
          order_id: orderOf(p).id,
          amount: -r.amount,
          currency_code: currency(p),
          reference: "refund",
          reference_id: refunds[refundIndex++].id,
          created_at: r.at,
        })),
      ])
    )
  }

  // Fulfilments, with the times they were packed, shipped and delivered. The module's own
  // createFulfillment takes one at a time (about 20 ms each here); its service takes the
  // batch. The manual provider it would call keeps no data, so nothing is skipped.
  const fulfilled = planned.flatMap((p) => p.fulfilments.map((f) => ({ p, f })))
  if (fulfilled.length) {
    const rows = await fulfillmentModule.fulfillmentService_.create(
      fulfilled.map(({ p, f }) => ({
        location_id: target.location(f.warehouse),
        provider_id: "manual_manual",
        shipping_option_id: target.shippingOption(f.warehouse),
        delivery_address: { city: p.city, country_code: p.region, address_1: "" },
        items: f.lines.map((entry) => {
          const line = p.lines[entry.line]
          return {
            title: target.variant(line.sku).productTitle,
            sku: line.sku,
            quantity: entry.quantity,
            barcode: "",
            line_item_id: itemOf(p, entry.line).id,
            inventory_item_id: target.variant(line.sku).inventoryItemId,
          }
        }),
        labels: [],
        data: {},
        created_at: f.at,
        packed_at: f.at,
        shipped_at: f.shippedAt,
        delivered_at: f.deliveredAt,
      })),
      {}
    )
    await link.create(
      fulfilled.map(({ p }, i) => ({
        [Modules.ORDER]: { order_id: orderOf(p).id },
        [Modules.FULFILLMENT]: { fulfillment_id: rows[i].id },
      }))
    )
  }

  const returned = planned.flatMap((p) => p.returns.map((r) => ({ p, r })))
  if (returned.length) {
    await orderModule.createReturns(
      returned.map(({ p, r }) => ({
        order_id: orderOf(p).id,
        status: r.receivedAt ? "received" : "requested",
        location_id: target.location(r.warehouse),
        created_at: r.requestedAt,
        requested_at: r.requestedAt,
        received_at: r.receivedAt,
        items: r.lines.map((entry) => ({
          item_id: itemOf(p, entry.line).id,
          quantity: entry.quantity,
          received_quantity: r.receivedAt ? entry.quantity : 0,
        })),
      }))
    )
  }

  await writeItemProgress(orderModule, planned, itemOf)
}

/**
 * The order items' own counters (fulfilled, shipped, delivered, returned), which Medusa
 * Admin reads for an order's status. Items with the same counters are updated together.
 */
async function writeItemProgress(orderModule: any, planned: WritableOrder[], itemOf: (p: WritableOrder, line: number) => any) {
  const groups = new Map<string, string[]>()
  for (const p of planned) {
    p.lines.forEach((line, index) => {
      const sum = (entries: Array<{ line: number; quantity: number }>) =>
        entries.filter((e) => e.line === index).reduce((s, e) => s + e.quantity, 0)
      const counters = {
        fulfilled_quantity: sum(p.fulfilments.flatMap((f) => f.lines)),
        shipped_quantity: sum(p.fulfilments.filter((f) => f.shippedAt).flatMap((f) => f.lines)),
        delivered_quantity: sum(p.fulfilments.filter((f) => f.deliveredAt).flatMap((f) => f.lines)),
        return_requested_quantity: sum(p.returns.filter((r) => !r.receivedAt).flatMap((r) => r.lines)),
        return_received_quantity: sum(p.returns.filter((r) => r.receivedAt).flatMap((r) => r.lines)),
      }
      if (Object.values(counters).every((value) => value === 0)) return
      const key = JSON.stringify(counters)
      groups.set(key, [...(groups.get(key) ?? []), itemOf(p, index).id])
    })
  }
  if (groups.size) {
    await orderModule.updateOrderItem(
      [...groups.entries()].map(([counters, itemIds]) => ({ selector: { item_id: itemIds }, data: JSON.parse(counters) }))
    )
  }
}

/** Reservations hold the open lines' units; the levels are what the year left on the shelves. */
export async function writeOpenReservationsAndStock(
  container: MedusaContainer,
  target: HistoryTarget,
  plan: { orders: WritableOrder[]; stock: Array<{ sku: string; warehouse: string; stocked: number }> }
) {
  const inventory = container.resolve(Modules.INVENTORY) as any
  const orderModule = container.resolve(Modules.ORDER) as any
  const levels = await inventory.listInventoryLevels(
    { inventory_item_id: [...new Set(plan.stock.map((s) => target.variant(s.sku).inventoryItemId))] },
    { select: ["id", "inventory_item_id", "location_id"] }
  )
  const levelId = new Map<string, string>(levels.map((l: any) => [`${l.inventory_item_id}@${l.location_id}`, l.id]))
  await inventory.updateInventoryLevels(
    plan.stock.map((s) => ({
      id: levelId.get(`${target.variant(s.sku).inventoryItemId}@${target.location(s.warehouse)}`),
      inventory_item_id: target.variant(s.sku).inventoryItemId,
      location_id: target.location(s.warehouse),
      stocked_quantity: s.stocked,
    }))
  )

  const open = plan.orders.filter(
    (p) => !p.canceledAt && p.lines.some((_, i) => p.fulfilments.flatMap((f) => f.lines).every((e) => e.line !== i))
  )
  if (!open.length) return
  const keys = new Set(open.map((p) => p.key))
  const orders = await orderModule.listOrders(
    { created_at: { $gte: open[0].placedAt } },
    { select: ["id", "metadata"], relations: ["items"], take: 5000 }
  )
  const existing = await inventory.listReservationItems(
    { line_item_id: orders.flatMap((o: any) => o.items.map((i: any) => i.id)) },
    { select: ["line_item_id"] }
  )
  const reservedLines = new Set(existing.map((r: any) => r.line_item_id))
  const reservations = orders
    .filter((o: any) => keys.has(o.metadata?.demo_key))
    .flatMap((o: any) => {
      const p = plan.orders[o.metadata.demo_key]
      return p.lines.flatMap((line, index) => {
        const fulfilled = p.fulfilments.flatMap((f) => f.lines).some((e) => e.line === index)
        const item = o.items.find((i: any) => i.variant_id === target.variant(line.sku).id)
        if (fulfilled || !item || reservedLines.has(item.id)) return []
        return [
          {
            line_item_id: item.id,
            inventory_item_id: target.variant(line.sku).inventoryItemId,
            location_id: target.location(line.warehouse),
            quantity: line.quantity,
            description: `order ${o.id}`,
          },
        ]
      })
    })
  if (reservations.length) {
    await inventory.createReservationItems(reservations)
  }
}

function orderInput(p: WritableOrder, target: HistoryTarget, customers: string[], plan: WritablePlan) {
  const customer = plan.customers[p.customer]
  const address = {
    first_name: customer.firstName,
    last_name: customer.lastName,
    address_1: target.address1(p),
    city: p.city,
    country_code: p.region,
  }
  const fullyDelivered = p.lines.every((line, index) => {
    const delivered = p.fulfilments
      .filter((f) => f.deliveredAt)
      .flatMap((f) => f.lines)
      .filter((e) => e.line === index)
      .reduce((s, e) => s + e.quantity, 0)
    return delivered >= line.quantity
  })
  const warehouse = p.lines[0].warehouse
  return {
    currency_code: target.currency(p),
    region_id: target.regionId(p),
    sales_channel_id: target.channelId(p),
    customer_id: customers[p.customer],
    email: customer.email,
    status: p.canceledAt ? "canceled" : fullyDelivered ? "completed" : "pending",
    canceled_at: p.canceledAt,
    created_at: p.placedAt,
    updated_at: p.updatedAt,
    metadata: { demo_key: p.key },
    shipping_address: address,
    billing_address: address,
    items: p.lines.map((line) => {
      const variant = target.variant(line.sku)
      return {
        title: variant.productTitle,
        product_title: variant.productTitle,
        variant_title: variant.variantTitle,
        variant_sku: line.sku,
        variant_id: variant.id,
        product_id: variant.productId,
        quantity: line.quantity,
        unit_price: line.unitPrice,
        created_at: p.placedAt,
      }
    }),
    shipping_methods: [
      {
        name: target.shippingName(p),
        amount: target.shippingFee(p),
        shipping_option_id: target.shippingOption(warehouse),
        created_at: p.placedAt,
      },
    ],
  }
}

function currency(p: WritableOrder) {
  return p.region === "hk" ? "hkd" : "cny"
}

function shippingFee(p: WritableOrder) {
  if (p.channel === "flagship") return 0
  const items = p.lines.reduce((sum, line) => sum + line.quantity * line.unitPrice, 0)
  // Free shipping over 199 yuan (218 HKD), as most Chinese shops do.
  if (items >= (p.region === "hk" ? 218 : 199)) return 0
  return p.region === "hk" ? 30 : 12
}

function orderTotal(p: WritableOrder, target: HistoryTarget) {
  return p.lines.reduce((sum, line) => sum + line.quantity * line.unitPrice, 0) + target.shippingFee(p)
}
