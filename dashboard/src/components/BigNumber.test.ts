import { afterEach, describe, expect, it } from "vitest"
import { cleanup, render } from "@testing-library/svelte"
import BigNumber from "./BigNumber.svelte"

afterEach(cleanup)

describe("BigNumber", () => {
  it("formats money in the currency's own format", () => {
    const { getByTestId } = render(BigNumber, {
      props: { label: "Revenue", value: 1234.5, currency: "eur", locale: "de-DE" },
    })
    // de-DE puts the euro sign after the number and groups with a dot.
    expect(getByTestId("value").textContent).toMatch(/^1\.235\s€$/)
  })

  it("shows a dash, not zero, when the value is unknown", () => {
    const { getByTestId } = render(BigNumber, { props: { label: "Orders", value: null } })
    expect(getByTestId("value").textContent).toBe("—")
  })

  it("compares with the same hour last week", () => {
    const { getByTestId } = render(BigNumber, {
      props: { label: "Orders", value: 150, previous: 120, locale: "en" },
    })
    const previous = getByTestId("previous").textContent ?? ""
    expect(previous).toContain("120")
    expect(previous).toContain("▲ 25%")
  })
})
