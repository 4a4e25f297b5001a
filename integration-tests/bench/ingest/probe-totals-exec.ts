/**
 * A `medusa exec` script: what Query's load of 500 orders costs this process's CPU with the
 * plugin's fields (ORDER_FACT_FIELDS) and with Medusa's totals asked for as well (as the load
 * did before db716be), each with and without the linked fulfilments and payments. Prints
 * `PROBE <name> cpu_ms_per_500=a,b,c` per variant, twice, and one line's quantity and subtotal
 * (a line's quantity only arrives when `detail.quantity` or a total is asked for). Needs >= 1,500 orders.
 */
import type { ExecArgs } from "@medusajs/framework/types"
import { ContainerRegistrationKeys } from "@medusajs/framework/utils"
import { builtPlugin as built } from "../lib/built-plugin"
export default async function probe({ container }: ExecArgs) {
  const knex = container.resolve(ContainerRegistrationKeys.PG_CONNECTION) as any
  const query = container.resolve(ContainerRegistrationKeys.QUERY)
  const { ORDER_FACT_FIELDS } = built("workflows/steps/load-orders.js")
  const totals = ["item_total", "item_tax_total", "items.subtotal", "items.discount_subtotal"]
  const orderOnly = (fields: string[]) => fields.filter((f) => !f.startsWith("fulfillments") && !f.startsWith("payment_collections"))
  const variants: Record<string, string[]> = {
    plugin: ORDER_FACT_FIELDS,
    with_totals: [...ORDER_FACT_FIELDS, ...totals],
    order_only: orderOnly(ORDER_FACT_FIELDS),
    order_only_with_totals: orderOnly([...ORDER_FACT_FIELDS, ...totals]),
  }
  const { rows } = await knex.raw(`select id from "order" order by updated_at, id limit 1500`)
  const ids: string[] = rows.map((r: any) => r.id)
  for (let round = 0; round < 2; round++)
    for (const [name, fields] of Object.entries(variants)) {
      const times: number[] = []
      let sample: any
      for (let s = 0; s < ids.length; s += 500) {
        const t0 = process.cpuUsage()
        const { data } = await query.graph({ entity: "order", fields, filters: { id: ids.slice(s, s + 500) } })
        const c = process.cpuUsage(t0)
        times.push((c.user + c.system) / 1000)
        sample = data[0]
      }
      const it = sample.items?.[0]
      console.log(`PROBE ${name} cpu_ms_per_500=${times.map((t) => t.toFixed(0)).join(",")} qty=${it?.quantity} unit=${it?.unit_price} sub=${it?.subtotal} detail=${JSON.stringify(it?.detail)}`)
    }
}
