import { defineRouteConfig } from "@medusajs/admin-sdk"
import { Container, Heading, Text } from "@medusajs/ui"

/**
 * Entry point in Medusa Admin. The wall display itself is served by the plugin on its
 * socket port, so a wall screen needs no Medusa Admin session that could expire.
 */
const OrderRhythmPage = () => {
  const wallUrl = `${window.location.protocol}//${window.location.hostname}:9001/`
  return (
    <Container className="divide-y p-0">
      <div className="px-6 py-4">
        <Heading level="h1">Order Rhythm</Heading>
      </div>
      <div className="px-6 py-4">
        <Text>
          The live wall display runs at{" "}
          <a className="text-ui-fg-interactive" href={wallUrl} target="_blank" rel="noreferrer">
            {wallUrl}
          </a>
          .
        </Text>
      </div>
    </Container>
  )
}

export const config = defineRouteConfig({
  label: "Order Rhythm",
})

export default OrderRhythmPage
