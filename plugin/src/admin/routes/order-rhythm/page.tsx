import { defineRouteConfig } from "@medusajs/admin-sdk"
import { Tabs } from "@medusajs/ui"
import { DisplayTokensSection } from "../../components/display-tokens"
import { ReportingCurrencySection } from "../../components/reporting-currency"
import { RhythmOverview } from "../../components/rhythm/rhythm-overview"
import { SyncStatusSection } from "../../components/sync-status"

/**
 * Order Rhythm in Medusa Admin: the rhythm at a glance first, since that is what an operator
 * opens the page for; the wall screens' tokens, the sync status and the reporting currency,
 * set up once, on their own tab.
 */
const OrderRhythmPage = () => (
  <Tabs defaultValue="overview" className="flex flex-col gap-y-3">
    <Tabs.List>
      <Tabs.Trigger value="overview">Overview</Tabs.Trigger>
      <Tabs.Trigger value="settings">Settings</Tabs.Trigger>
    </Tabs.List>
    <Tabs.Content value="overview">
      <RhythmOverview />
    </Tabs.Content>
    <Tabs.Content value="settings" className="flex flex-col gap-y-3">
      <DisplayTokensSection />
      <SyncStatusSection />
      <ReportingCurrencySection />
    </Tabs.Content>
  </Tabs>
)

export const config = defineRouteConfig({
  label: "Order Rhythm",
})

export default OrderRhythmPage
