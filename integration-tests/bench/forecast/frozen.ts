/**
 * The benchmark's configuration, frozen before the test parts are looked at. Each choice was made
 * on validation windows cut from the training parts (`pnpm bench:forecast:validate`, which uses
 * these same settings); the numbers that justified it are in the comments.
 */
import type { ForecastConfig } from "../../../plugin/src/lib/forecast"

export const FROZEN = {
  // validation (last 18 of train): default selection 14.12, fixed SES+damped+Theta 14.14, Theta 14.24
  m3: { horizon: 18, season: 12 } satisfies ForecastConfig,
  // validation at two training windows: mean of the last 4 weeks 0.602 / 0.721, default core 0.772 / 0.755
  // Revision (validation only, four 13-week quarters of the second training year, christmas /
  // autumn / summer / year_before): 95% coverage with the old error distribution 0.117 / 0.671 /
  // 0.827 / 0.996 (mean |coverage - 0.95| 0.28); errors from the same weeks of earlier years
  // (errorSeason 52), origins within a quarter horizon of the phase, 0.863 / 0.964 / 0.933 / 0.869
  // (0.050; half a horizon 0.089, three quarters 0.087, a whole one 0.099); with the predictive
  // (type 6) error quantiles 0.867 / 0.968 / 0.944 / 0.869 (0.047). 80% coverage 0.695 / 0.885 /
  // 0.821 / 0.685. Criterion fixed beforehand: mean |coverage95 - 0.95| over the four quarters,
  // because operators need intervals they can trust in every season, not in one.
  jewelry: { horizon: 13, season: 1, core: ["window_average"], errorSeason: 52 } satisfies ForecastConfig,
  // validation (28 days before the test): 0.792 against the plain mean's 0.798; the week's shape
  // from the store's total (per SKU it is too noisy), rarely-sold SKUs still treated as regular
  pizza: { horizon: 28, season: 7, core: ["seasonal_average", "ses"], intermittentInterval: 3 } satisfies ForecastConfig,
  // validation (reviews in months 27-38): largest CSL gap 1.25 pts
  // Revision (engine, not configuration; validation reviews 21-32 / 27-38 / 33-38, CSL at 90/95/99):
  //   before             88.4/92.2/95.8  90.6/94.3/97.8  90.6/94.4/97.4  largest gap 3.18/1.25/1.60, mean gap 1.44
  //   no window_average  88.8/92.5/96.1  91.4/95.0/98.4  91.7/95.3/98.6  largest gap 2.89/1.38/1.70, mean gap 1.24
  //   + t for < 30 errors 89.1/92.9/96.5 91.5/95.1/98.5  91.9/95.4/98.7  largest gap 2.52/1.52/1.89, mean gap 1.15
  // (the intermittent pool lost window_average: its zero forecasts ran out on ~50% of their cycles;
  // error quantiles from fewer than 30 errors use Student's t). Walking the errors from the start
  // of the history instead: 3.01/1.69/1.87, more stock (1.02 x Croston's against 0.85): not taken.
  carparts: { firstReview: 39, leadTime: 1 },
  speed: { series: 10_000, length: 730, runs: 3 },
}

/** Where the validation windows lie (training data only; see forecast-validate.ts). */
export const VALIDATION_WINDOWS = {
  /** weeks between the window's end and the end of training */
  jewelry: { christmas: 0, autumn: 13, summer: 26, year_before: 39 },
  carparts: { reviews21to32: { firstReview: 21, end: 33 }, reviews27to38: { firstReview: 27, end: 39 }, reviews33to38: { firstReview: 33, end: 39 } },
}
