import type { Lang, ViewName } from "../kiosk"

/** Every word the wall shows. zh-CN uses the trade's own terms (DESIGN.md, "Words"). */
export type Words = {
  title: string
  views: Record<ViewName, string>
  notAvailable: string
  noData: string
  live: string
  connecting: string
  staleSince: (hhmm: string) => string
  ordersToday: string
  unitsToday: string
  revenueToday: (currency: string) => string
  /** A currency left out of the reporting-currency total: no rate entered for today. */
  revenueTodayNoRate: (currency: string) => string
  sameHourLastWeek: string
  todayIntake: string
  actual: string
  expected: string
  band: string
  soFar: (actual: string, expected: string) => string
  flow: string
  intake: string
  fulfilment: string
  perHour: string
  backlog: string
  openOrders: (n: string) => string
  age: string
  p50: string
  p90: string
  max: string
  cycleTime: string
  slaTarget: string
  late: (n: string) => string
  stages: { firstFulfilment: string; fullFulfilment: string; shipment: string; delivery: string }
  heatMap: string
  peak: string
  trough: string
  ticker: string
  items: (n: string) => string
  canceled: string
  hours: (n: string) => string
  days: (n: string) => string
  refused: Record<"no_token" | "bad_token" | "expired_token" | "revoked_token" | "forbidden_scope", string>
  pasteToken: string
  pasteHint: string
  connect: string
}

const en: Words = {
  title: "Order Rhythm",
  views: { rhythm: "Order rhythm", inventory: "Inventory", sales: "Sales", customers: "Customers" },
  notAvailable: "Not available yet",
  noData: "No data yet",
  live: "live",
  connecting: "connecting…",
  staleSince: (hhmm) => `stale since ${hhmm}`,
  ordersToday: "Orders today",
  unitsToday: "Units today",
  revenueToday: (currency) => `Revenue today (${currency.toUpperCase()})`,
  revenueTodayNoRate: (currency) => `Revenue today (${currency.toUpperCase()}, no rate, not in total)`,
  sameHourLastWeek: "same hour last week",
  todayIntake: "Today's intake per hour",
  actual: "actual",
  expected: "expected",
  band: "usual range",
  soFar: (actual, expected) => `${actual} so far, ${expected} expected`,
  flow: "Intake vs fulfilment",
  intake: "intake",
  fulfilment: "fulfilment",
  perHour: "per hour",
  backlog: "Backlog and its age",
  openOrders: (n) => `${n} open orders`,
  age: "age",
  p50: "p50",
  p90: "p90",
  max: "max",
  cycleTime: "Cycle time vs SLA",
  slaTarget: "SLA target",
  late: (n) => `${n} late`,
  stages: { firstFulfilment: "First fulfilment", fullFulfilment: "Fulfilled", shipment: "Shipped", delivery: "Delivered" },
  heatMap: "Hour of week: peaks and troughs",
  peak: "peak",
  trough: "trough",
  ticker: "Latest orders",
  items: (n) => (n === "1" ? "1 item" : `${n} items`),
  canceled: "canceled",
  hours: (n) => `${n} h`,
  days: (n) => `${n} d`,
  refused: {
    no_token: "This screen has no display token.",
    bad_token: "This display token is not valid.",
    expired_token: "This token has expired.",
    revoked_token: "This display token was revoked.",
    forbidden_scope: "This token may not show this channel or location.",
  },
  pasteToken: "Paste a display token",
  pasteHint: "Create one in Medusa Admin → Order Rhythm, then paste it here once; this screen keeps it.",
  connect: "Connect",
}

const zhCN: Words = {
  title: "订单节奏",
  views: { rhythm: "订单节奏", inventory: "库存", sales: "销售", customers: "客户" },
  notAvailable: "暂未开放",
  noData: "暂无数据",
  live: "实时",
  connecting: "连接中…",
  staleSince: (hhmm) => `数据已过期，自 ${hhmm}`,
  ordersToday: "今日订单",
  unitsToday: "今日件数",
  revenueToday: (currency) => `今日销售额（${currency.toUpperCase()}）`,
  revenueTodayNoRate: (currency) => `今日销售额（${currency.toUpperCase()}，无汇率，未计入合计）`,
  sameHourLastWeek: "上周同时段",
  todayIntake: "今日每小时接单",
  actual: "实际",
  expected: "需求预测",
  band: "正常区间",
  soFar: (actual, expected) => `已接单 ${actual}，预测 ${expected}`,
  flow: "接单与履约",
  intake: "接单",
  fulfilment: "履约",
  perHour: "每小时",
  backlog: "积压订单及时长",
  openOrders: (n) => `${n} 单积压`,
  age: "积压时长",
  p50: "p50",
  p90: "p90",
  max: "最长",
  cycleTime: "周期时长与 SLA",
  slaTarget: "SLA 目标",
  late: (n) => `${n} 单超时`,
  stages: { firstFulfilment: "首次发货", fullFulfilment: "履约完成", shipment: "已发货", delivery: "已送达" },
  heatMap: "每周各时段：高峰期与低谷期",
  peak: "高峰期",
  trough: "低谷期",
  ticker: "最新订单",
  items: (n) => `${n} 件`,
  canceled: "已取消",
  hours: (n) => `${n} 小时`,
  days: (n) => `${n} 天`,
  refused: {
    no_token: "此大屏没有看板令牌。",
    bad_token: "看板令牌无效。",
    expired_token: "令牌已过期。",
    revoked_token: "看板令牌已被撤销。",
    forbidden_scope: "此令牌无权查看该渠道或仓库。",
  },
  pasteToken: "粘贴看板令牌",
  pasteHint: "在 Medusa 后台 → 订单节奏 中创建令牌，在此粘贴一次，大屏会保存。",
  connect: "连接",
}

export function wordsFor(lang: Lang): Words {
  return lang === "zh-CN" ? zhCN : en
}
