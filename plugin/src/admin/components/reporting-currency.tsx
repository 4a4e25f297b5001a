import { Button, Container, Heading, Input, Label, Table, Text } from "@medusajs/ui"
import { useCallback, useEffect, useState } from "react"
import { api } from "../lib/admin-api"

type Rate = { id: string; currency_code: string; effective_from: string; rate: number }
type Rates = { reporting_currency: string | null; exchange_rates: Rate[] }

/**
 * The reporting currency and the rates an admin types in (nothing is fetched: the store may
 * be offline). Figures stay per currency; the rhythm API and the wall add a converted total.
 */
export const ReportingCurrencySection = () => {
  const [state, setState] = useState<Rates>({ reporting_currency: null, exchange_rates: [] })
  const [reporting, setReporting] = useState("")
  const [currency, setCurrency] = useState("")
  const [rate, setRate] = useState("")
  const [from, setFrom] = useState(new Date().toISOString().slice(0, 10))
  const [error, setError] = useState<string | null>(null)

  const load = useCallback(async () => {
    const rates = await api<Rates>("/admin/order-rhythm/exchange-rates")
    setState(rates)
    setReporting(rates.reporting_currency ?? "")
  }, [])

  useEffect(() => {
    load().catch((e) => setError(e.message))
  }, [load])

  const run = async (action: () => Promise<Rates>) => {
    setError(null)
    try {
      setState(await action())
    } catch (e) {
      setError((e as Error).message)
    }
  }

  const saveReporting = () =>
    run(() =>
      api<Rates>("/admin/order-rhythm/reporting-currency", {
        method: "POST",
        body: JSON.stringify({ currency_code: reporting.trim() || null }),
      })
    )

  const addRate = () =>
    run(async () => {
      const result = await api<Rates>("/admin/order-rhythm/exchange-rates", {
        method: "POST",
        body: JSON.stringify({ rates: [{ currency_code: currency.trim(), rate: Number(rate), effective_from: from }] }),
      })
      setCurrency("")
      setRate("")
      return result
    })

  const code = state.reporting_currency?.toUpperCase()
  return (
    <Container className="divide-y p-0">
      <div className="px-6 py-4">
        <Heading level="h2">Reporting currency</Heading>
        <Text className="text-ui-fg-subtle">
          Revenue stays per currency. With a reporting currency, the rhythm and the wall add a total converted at the
          rate valid on each day; a currency without a rate that day is listed, never counted as 0.
        </Text>
      </div>
      <div className="flex items-end gap-x-3 px-6 py-4">
        <div className="flex flex-col gap-y-2">
          <Label htmlFor="reporting-currency">Reporting currency (empty: none)</Label>
          <Input id="reporting-currency" placeholder="eur" value={reporting} onChange={(e) => setReporting(e.target.value)} />
        </div>
        <Button variant="secondary" onClick={saveReporting}>
          Save
        </Button>
      </div>
      {code && (
        <div className="flex items-end gap-x-3 px-6 py-4">
          <div className="flex flex-col gap-y-2">
            <Label htmlFor="rate-currency">1 unit of</Label>
            <Input id="rate-currency" placeholder="usd" value={currency} onChange={(e) => setCurrency(e.target.value)} />
          </div>
          <div className="flex flex-col gap-y-2">
            <Label htmlFor="rate-value">= {code}</Label>
            <Input id="rate-value" type="number" step="any" min="0" placeholder="0.92" value={rate} onChange={(e) => setRate(e.target.value)} />
          </div>
          <div className="flex flex-col gap-y-2">
            <Label htmlFor="rate-from">from (store's day)</Label>
            <Input id="rate-from" type="date" value={from} onChange={(e) => setFrom(e.target.value)} />
          </div>
          <Button onClick={addRate} disabled={!currency.trim() || !rate || !from}>
            Enter rate
          </Button>
        </div>
      )}
      {error && (
        <div className="px-6 py-2">
          <Text className="text-ui-fg-error">{error}</Text>
        </div>
      )}
      {code && state.exchange_rates.length > 0 && (
        <Table>
          <Table.Header>
            <Table.Row>
              <Table.HeaderCell>Currency</Table.HeaderCell>
              <Table.HeaderCell>Rate ({code} per unit)</Table.HeaderCell>
              <Table.HeaderCell>Valid from</Table.HeaderCell>
            </Table.Row>
          </Table.Header>
          <Table.Body>
            {state.exchange_rates.map((row) => (
              <Table.Row key={row.id}>
                <Table.Cell>{row.currency_code.toUpperCase()}</Table.Cell>
                <Table.Cell>{row.rate}</Table.Cell>
                <Table.Cell>{row.effective_from}</Table.Cell>
              </Table.Row>
            ))}
          </Table.Body>
        </Table>
      )}
    </Container>
  )
}
