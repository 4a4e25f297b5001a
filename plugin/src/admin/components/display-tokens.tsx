import { Badge, Button, Checkbox, Container, Heading, Input, Label, Select, Table, Text } from "@medusajs/ui"
import QRCode from "qrcode"
import { useCallback, useEffect, useState } from "react"
import { api } from "../lib/admin-api"
import { adminLocale, formatStoreDateTime } from "../lib/store-time"

type DisplayToken = {
  id: string
  name: string
  scopes: string[]
  token_prefix: string
  expires_at: string | null
  revoked_at: string | null
  created_at: string
  token?: string
}
type Option = { id: string; name: string }

/**
 * Display tokens for wall screens: one per screen, limited to what it should show,
 * revocable. The token is shown once, with the wall's URL and a QR code to open it
 * on the screen itself.
 */
export const DisplayTokensSection = () => {
  const [tokens, setTokens] = useState<DisplayToken[]>([])
  const [channels, setChannels] = useState<Option[]>([])
  const [locations, setLocations] = useState<Option[]>([])
  const [port, setPort] = useState<number | null>(null)
  const [timezone, setTimezone] = useState<string | null>(null)
  const [name, setName] = useState("")
  const [wall, setWall] = useState(true)
  const [inventory, setInventory] = useState(false)
  const [channel, setChannel] = useState("all")
  const [location, setLocation] = useState("all")
  const [lang, setLang] = useState("zh-CN")
  const [created, setCreated] = useState<{ url: string; qr: string; name: string } | null>(null)
  const [error, setError] = useState<string | null>(null)

  const load = useCallback(async () => {
    const [list, live, sc, sl] = await Promise.all([
      api<{ display_tokens: DisplayToken[] }>("/admin/order-rhythm/display-tokens"),
      api<{ live: { port: number; timezone: string } }>("/admin/order-rhythm/live"),
      api<{ sales_channels: Option[] }>("/admin/sales-channels?fields=id,name&limit=100"),
      api<{ stock_locations: Option[] }>("/admin/stock-locations?fields=id,name&limit=100"),
    ])
    setTokens(list.display_tokens)
    setPort(live.live.port)
    setTimezone(live.live.timezone)
    setChannels(sc.sales_channels)
    setLocations(sl.stock_locations)
  }, [])

  useEffect(() => {
    load().catch((e) => setError(e.message))
  }, [load])

  const create = async () => {
    setError(null)
    const scopes = [
      ...(wall ? ["wall"] : []),
      ...(wall && channel !== "all" ? [`channel:${channel}`] : []),
      ...(inventory ? ["inventory"] : []),
      ...(inventory && location !== "all" ? [`location:${location}`] : []),
    ]
    try {
      const { display_token } = await api<{ display_token: DisplayToken }>("/admin/order-rhythm/display-tokens", {
        method: "POST",
        body: JSON.stringify({ name, scopes }),
      })
      const url = `${window.location.protocol}//${window.location.hostname}:${port ?? 9001}/?token=${display_token.token}&lang=${lang}`
      setCreated({ url, qr: await QRCode.toDataURL(url, { width: 320, margin: 1 }), name: display_token.name })
      setName("")
      await load()
    } catch (e) {
      setError((e as Error).message)
    }
  }

  const revoke = async (token: DisplayToken) => {
    if (!window.confirm(`Revoke "${token.name}"? Its screen goes dark at once.`)) return
    await api(`/admin/order-rhythm/display-tokens/${token.id}`, { method: "DELETE" }).catch((e) => setError(e.message))
    await load()
  }

  return (
    <div className="flex flex-col gap-y-3">
      <Container className="divide-y p-0">
        <div className="px-6 py-4">
          <Heading level="h2">Wall displays</Heading>
          <Text className="text-ui-fg-subtle">
            Each screen gets its own token, limited to what it should show. The wall runs at{" "}
            {port ? `${window.location.hostname}:${port}` : "its own port"} and needs no admin login.
          </Text>
        </div>
        <div className="grid grid-cols-2 gap-4 px-6 py-4">
          <div className="flex flex-col gap-y-2">
            <Label htmlFor="screen-name">Screen name</Label>
            <Input id="screen-name" placeholder="Warehouse wall" value={name} onChange={(e) => setName(e.target.value)} />
          </div>
          <div className="flex flex-col gap-y-2">
            <Label>Language on the screen</Label>
            <Select value={lang} onValueChange={setLang}>
              <Select.Trigger><Select.Value /></Select.Trigger>
              <Select.Content>
                <Select.Item value="zh-CN">中文</Select.Item>
                <Select.Item value="en">English</Select.Item>
              </Select.Content>
            </Select>
          </div>
          <div className="flex items-center gap-x-2">
            <Checkbox id="scope-wall" checked={wall} onCheckedChange={(v) => setWall(Boolean(v))} />
            <Label htmlFor="scope-wall">Order rhythm</Label>
            <Select value={channel} onValueChange={setChannel} disabled={!wall}>
              <Select.Trigger><Select.Value /></Select.Trigger>
              <Select.Content>
                <Select.Item value="all">All sales channels</Select.Item>
                {channels.map((c) => (
                  <Select.Item key={c.id} value={c.id}>{c.name}</Select.Item>
                ))}
              </Select.Content>
            </Select>
          </div>
          <div className="flex items-center gap-x-2">
            <Checkbox id="scope-inventory" checked={inventory} onCheckedChange={(v) => setInventory(Boolean(v))} />
            <Label htmlFor="scope-inventory">Inventory</Label>
            <Select value={location} onValueChange={setLocation} disabled={!inventory}>
              <Select.Trigger><Select.Value /></Select.Trigger>
              <Select.Content>
                <Select.Item value="all">All locations</Select.Item>
                {locations.map((l) => (
                  <Select.Item key={l.id} value={l.id}>{l.name}</Select.Item>
                ))}
              </Select.Content>
            </Select>
          </div>
          <div className="col-span-2 flex items-center gap-x-3">
            <Button onClick={create} disabled={!name.trim() || (!wall && !inventory)}>
              Create display token
            </Button>
            {error && <Text className="text-ui-fg-error">{error}</Text>}
          </div>
        </div>
        {created && (
          <div className="flex gap-x-6 px-6 py-4" data-testid="created-token">
            <img src={created.qr} alt={`QR code of the wall URL for ${created.name}`} width={160} height={160} />
            <div className="flex flex-col gap-y-2">
              <Text weight="plus">Open this on the screen "{created.name}". It is shown only now.</Text>
              <Input readOnly value={created.url} onFocus={(e) => e.currentTarget.select()} />
              <a className="text-ui-fg-interactive" href={created.url} target="_blank" rel="noreferrer">
                Open the wall
              </a>
            </div>
          </div>
        )}
      </Container>
      <Container className="p-0">
        <Table>
          <Table.Header>
            <Table.Row>
              <Table.HeaderCell>Screen</Table.HeaderCell>
              <Table.HeaderCell>Scopes</Table.HeaderCell>
              <Table.HeaderCell>Token</Table.HeaderCell>
              <Table.HeaderCell>Created (store time)</Table.HeaderCell>
              <Table.HeaderCell />
            </Table.Row>
          </Table.Header>
          <Table.Body>
            {tokens.map((token) => (
              <Table.Row key={token.id}>
                <Table.Cell>{token.name}</Table.Cell>
                <Table.Cell>{token.scopes.join(", ")}</Table.Cell>
                <Table.Cell>{token.token_prefix}…</Table.Cell>
                <Table.Cell>
                  {timezone && (
                    <time dateTime={token.created_at} data-testid="token-created">
                      {formatStoreDateTime(token.created_at, timezone, adminLocale())}
                    </time>
                  )}
                </Table.Cell>
                <Table.Cell>
                  {token.revoked_at ? (
                    <Badge color="red">revoked</Badge>
                  ) : (
                    <Button variant="secondary" size="small" onClick={() => revoke(token)}>
                      Revoke
                    </Button>
                  )}
                </Table.Cell>
              </Table.Row>
            ))}
          </Table.Body>
        </Table>
      </Container>
    </div>
  )
}
