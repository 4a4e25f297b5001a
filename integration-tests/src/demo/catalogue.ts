/**
 * The demo store's catalogue: a coffee and tea shop with 200+ variants, from 28-yuan drip
 * bags to a 6,800-yuan espresso machine. Each variant carries how popular it is, so the
 * history has fast movers, a long tail of slow, intermittent ones, and gift sets that sell
 * only around their festival. Deterministic: the same catalogue on every machine.
 */
export type DemoVariant = {
  sku: string
  title: string
  /** Price in yuan; Hong Kong dollars are derived (see `hkdPrice`). */
  price: number
  /** Relative chance that a basket line is this variant (before the season). */
  weight: number
  /** Gift sets sell around one festival only. */
  season?: "mid-autumn" | "spring-festival" | "christmas"
  /** Held at the Shenzhen warehouse too (fast movers only), else Shanghai alone. */
  southern: boolean
  /** Usual units per line: most lines are 1. */
  maxQuantity: number
}

export type DemoProduct = { title: string; handle: string; category: string; variants: DemoVariant[] }

type ProductSpec = {
  title: string
  category: string
  /** The product's popularity rank factor (1 = the best seller of its category). */
  popularity: number
  options: Array<{ title: string; price: number; share: number }>
  season?: DemoVariant["season"]
  maxQuantity?: number
}

const ORIGINS: Array<[string, number, number]> = [
  // name, price of 250 g, popularity
  ["House Espresso Blend", 68, 1],
  ["Yunnan Pu'er Estate", 78, 0.8],
  ["Ethiopia Yirgacheffe", 98, 0.75],
  ["Colombia Huila", 88, 0.55],
  ["Brazil Cerrado", 72, 0.5],
  ["Guatemala Antigua", 92, 0.35],
  ["Kenya AA", 118, 0.3],
  ["Sumatra Mandheling", 96, 0.25],
  ["Costa Rica Tarrazu", 102, 0.2],
  ["Decaf Swiss Water", 86, 0.15],
  ["Dark Roast Italiano", 66, 0.3],
  ["Yunnan Natural Anaerobic", 128, 0.12],
  ["Rwanda Nyamasheke", 112, 0.08],
  ["Panama Geisha", 398, 0.04],
]

const TEAS: Array<[string, number, number]> = [
  ["West Lake Longjing", 128, 1],
  ["Anxi Tieguanyin", 98, 0.8],
  ["Jasmine Silver Needle", 88, 0.7],
  ["Wuyi Da Hong Pao", 158, 0.5],
  ["Ripe Pu'er Cake", 138, 0.45],
  ["Bi Luo Chun", 118, 0.4],
  ["Fuding White Peony", 108, 0.3],
  ["Keemun Black", 78, 0.3],
  ["Earl Grey", 58, 0.25],
  ["Phoenix Dan Cong", 168, 0.12],
]

const SPECS: ProductSpec[] = [
  ...ORIGINS.map(([name, price, popularity]) => ({
    title: `${name} Coffee Beans`,
    category: "coffee",
    popularity,
    maxQuantity: 3,
    options: [
      { title: "250 g / whole bean", price, share: 0.3 },
      { title: "250 g / ground", price, share: 0.25 },
      { title: "500 g / whole bean", price: Math.round(price * 1.85), share: 0.18 },
      { title: "500 g / ground", price: Math.round(price * 1.85), share: 0.12 },
      { title: "1 kg / whole bean", price: Math.round(price * 3.4), share: 0.1 },
      { title: "1 kg / ground", price: Math.round(price * 3.4), share: 0.05 },
    ],
  })),
  ...TEAS.map(([name, price, popularity]) => ({
    title: name,
    category: "tea",
    popularity: popularity * 0.8,
    maxQuantity: 2,
    options: [
      { title: "50 g tin", price: Math.round(price * 0.55), share: 0.35 },
      { title: "100 g tin", price, share: 0.45 },
      { title: "250 g bag", price: Math.round(price * 2.2), share: 0.2 },
    ],
  })),
  ...["Espresso Blend", "Yirgacheffe", "Colombia", "Yunnan", "Decaf", "Mocha Java"].map((name, index) => ({
    title: `${name} Drip Bags`,
    category: "drip-bags",
    popularity: 0.9 / (index + 1),
    maxQuantity: 3,
    options: [
      { title: "10 bags", price: 39, share: 0.6 },
      { title: "30 bags", price: 99, share: 0.4 },
    ],
  })),
  ...["Ristretto", "Lungo", "Vanilla", "Caramel", "Decaf"].map((name, index) => ({
    title: `${name} Capsules`,
    category: "capsules",
    popularity: 0.6 / (index + 1),
    maxQuantity: 4,
    options: [
      { title: "10 capsules", price: 35, share: 0.55 },
      { title: "50 capsules", price: 158, share: 0.45 },
    ],
  })),
  equipment("Gooseneck Pour-over Kettle", 0.35, ["matte black", "white", "copper"], 299),
  equipment("Hand Grinder", 0.25, ["steel burr", "titanium burr"], 389),
  equipment("Electric Burr Grinder", 0.12, ["home", "pro"], 1280),
  equipment("Espresso Machine", 0.04, ["single boiler", "dual boiler"], 3980),
  equipment("Moka Pot", 0.2, ["3 cups", "6 cups", "9 cups"], 189),
  equipment("French Press", 0.18, ["350 ml", "1 l"], 159),
  equipment("Ceramic V60 Dripper", 0.3, ["size 01 / white", "size 02 / white", "size 01 / black", "size 02 / black"], 89),
  equipment("Glass Dripper", 0.15, ["size 01", "size 02"], 119),
  equipment("Cold Brew Jar", 0.14, ["1 l", "2 l"], 129),
  equipment("Brewing Scale", 0.16, ["basic", "with timer"], 199),
  equipment("Milk Frother", 0.1, ["handheld", "electric jug"], 159),
  equipment("Gongfu Tea Set", 0.08, ["celadon", "clay"], 368),
  {
    title: "Paper Filters",
    category: "accessories",
    popularity: 0.9,
    maxQuantity: 3,
    options: [
      { title: "size 01 / 100", price: 25, share: 0.3 },
      { title: "size 02 / 100", price: 25, share: 0.35 },
      { title: "size 01 / 200", price: 45, share: 0.15 },
      { title: "size 02 / 200", price: 45, share: 0.2 },
    ],
  },
  {
    title: "Stoneware Mug",
    category: "accessories",
    popularity: 0.3,
    maxQuantity: 2,
    options: ["ink", "sand", "celadon", "rust"].flatMap((colour) => [
      { title: `${colour} / 250 ml`, price: 79, share: 0.08 },
      { title: `${colour} / 350 ml`, price: 89, share: 0.045 },
    ]),
  },
  {
    title: "Insulated Tumbler",
    category: "accessories",
    popularity: 0.25,
    maxQuantity: 2,
    options: ["black", "white", "green", "pink"].map((colour) => ({ title: colour, price: 139, share: 0.25 })),
  },
  {
    title: "Coffee Syrup",
    category: "accessories",
    popularity: 0.2,
    maxQuantity: 3,
    options: ["vanilla", "caramel", "hazelnut", "osmanthus", "brown sugar"].flatMap((flavour) => [
      { title: `${flavour} / 250 ml`, price: 42, share: 0.12 },
      { title: `${flavour} / 750 ml`, price: 96, share: 0.08 },
    ]),
  },
  {
    title: "Descaling Tablets",
    category: "accessories",
    popularity: 0.06,
    options: [
      { title: "10 tablets", price: 49, share: 0.7 },
      { title: "30 tablets", price: 119, share: 0.3 },
    ],
  },
  gift("Mid-Autumn Coffee & Mooncake Box", "mid-autumn", 298),
  gift("Spring Festival Tea Gift Box", "spring-festival", 388),
  gift("Christmas Coffee Advent Calendar", "christmas", 268),
  {
    title: "Coffee Sampler",
    category: "gifts",
    popularity: 0.1,
    options: [
      { title: "4 origins", price: 168, share: 0.6 },
      { title: "8 origins", price: 298, share: 0.4 },
    ],
  },
  {
    title: "Tea Sampler",
    category: "gifts",
    popularity: 0.07,
    options: [{ title: "6 teas", price: 198, share: 1 }],
  },
]

function equipment(title: string, popularity: number, options: string[], price: number): ProductSpec {
  return {
    title,
    category: "equipment",
    popularity: popularity * 0.5,
    maxQuantity: 1,
    options: options.map((option, index) => ({
      title: option,
      price: Math.round(price * (1 + 0.25 * index)),
      share: 1 / (index + 1.5),
    })),
  }
}

function gift(title: string, season: DemoVariant["season"], price: number): ProductSpec {
  return {
    title,
    category: "gifts",
    popularity: 3,
    season,
    maxQuantity: 2,
    options: [
      { title: "standard", price, share: 0.7 },
      { title: "deluxe", price: Math.round(price * 1.6), share: 0.3 },
    ],
  }
}

export const DEMO_CATALOGUE: DemoProduct[] = SPECS.map((spec, productIndex) => {
  const handle = spec.title
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, "-")
    .replace(/(^-|-$)/g, "")
  const shareTotal = spec.options.reduce((sum, option) => sum + option.share, 0)
  return {
    title: spec.title,
    handle,
    category: spec.category,
    variants: spec.options.map((option, index) => {
      const weight = (spec.popularity * option.share) / shareTotal
      return {
        sku: `${spec.category.slice(0, 3).toUpperCase()}-${String(productIndex + 1).padStart(2, "0")}-${index + 1}`,
        title: option.title,
        price: option.price,
        weight,
        season: spec.season,
        // The southern warehouse holds what sells at least a few times a week.
        southern: weight >= 0.05 && !spec.season,
        maxQuantity: spec.maxQuantity ?? 1,
      }
    }),
  }
})

export const DEMO_VARIANTS: DemoVariant[] = DEMO_CATALOGUE.flatMap((product) => product.variants)

/** Hong Kong prices: yuan at about 1.09 HKD, rounded to a shelf price. */
export function hkdPrice(cny: number): number {
  return Math.round((cny * 1.09) / 2) * 2
}
