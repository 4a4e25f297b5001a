/**
 * The benchmark's configuration. The first one was frozen before the test parts were looked at;
 * this is a revision, chosen after the first one's test figures were published, on validation
 * windows cut from the training parts only (`pnpm bench:forecast:validate`, which reads these same
 * settings). The numbers that justified each choice are in the comments.
 */
import { catalogueYearShape, SMOOTH_POOL, type ForecastConfig } from "../../../plugin/src/lib/forecast"
import { holdOut, namedSeries } from "./data"

// Jewelry's catalogue record (catalogue-year-shape.ts), from the training part only: the test's
// 13 weeks are cut first. Row o reads weeks up to o + 12 and a forecast made at n reads row n - 52,
// so a validation window (cut from the same training part) reads nothing of its own weeks either.
const jewelryYearShape = catalogueYearShape(namedSeries("jewelry.csv.gz").map((s) => holdOut(s.values, 13).train), 13, 52)

export const FROZEN = {
  // validation (last 18 of train): default selection 14.12, fixed SES+damped+Theta 14.14, Theta 14.24
  // Revision (validation only, same window): the optimised Theta (theta fitted per series) alone
  // 14.47, but as a fourth core member 14.05 (fixed core SES+damped+Theta+OTM 14.06; with MSTL as
  // a fifth 14.06; SES+Theta+OTM 14.10; damped+Theta+OTM 14.14). Taken: the default selection with
  // the four-model core, 14.05 against 14.12. No other change of the engine moves M3's point forecasts.
  // Revision 2 (engine, validation only, same window): the seasonal adjustment shrinks a series'
  // own indices toward no season by the James-Stein weight 1 - noise / spread (seasonality.ts):
  // 14.05 -> 14.00, 242 series better, 153 worse, 1,033 unchanged (no season), paired difference
  // -0.055, 3.5 standard errors. Tried first: a fixed weight of 0.8 / 0.9 / 1.1, 14.03 / 14.03 / 14.23;
  // twice / half the noise, 14.01 / 14.03; no seasonality test, the weight alone, 14.13. Also tried,
  // not taken (before the shrinkage): a fifth core member ets_seasonal 14.13, holt 14.43, naive
  // 14.11; damped+Theta+OTM 14.09. Jewelry, carparts and pizza figures are unchanged by it.
  // Tried with the shrinkage in place, not taken: the members' median instead of their mean 14.04;
  // ETS with its trend (none / linear / damped) chosen by AICc as a fifth member 14.16, or with
  // none / damped only 14.01 (13.99 in place of damped: noise); three times the optimiser's
  // evaluations for ETS 14.11 (a closer in-sample fit forecasts worse); relative-error ETS fits
  // 14.19; recency-weighted indices (x0.8 a year) 13.975, only 1.4 standard errors; per-phase
  // shrinkage 14.03; the seasonality test at z 1.28 / 1.96 / 2.33 instead of 1.645, 14.02 / 14.13 / 14.28.
  // Revision 4 (session 8, engine, validation only, same window; paired per series with
  // bench/forecast-explore/m3-paired.ts): the trend models on the log scale (models/log-scale.ts),
  // in the core and in the pool in place of their plain selves: 13.999 -> 13.805 (-0.194, 2.2
  // standard errors; 659 series better, 631 worse). Steps: damped_log as a fifth core member
  // 13.94; in place of damped 13.92; + theta_log 13.94, + otm_log 13.95, all three 13.85 (pool
  // unchanged). Not taken: SES on the log scale too, +0.015 (0.8 SE); no challengers (the core
  // always) -0.010 (0.2 SE); holt_log as a fifth member 13.99; damped and damped_log both 14.05.
  // Revision 5 (session 9, engine + configuration, validation only). Besides the usual window (W1:
  // the last 18 months of train, 1,428 series), two earlier ones cut from the training parts too,
  // to check what W1 picked: W2 18 months earlier (1,081 series with 30+ months left), W3 36
  // months earlier (1,043). Before: W1 13.805, W2 11.356, W3 11.804. Paired differences
  // (bench/forecast-explore/m3-variants.ts, M3_EARLIER=18 / 36 for W2 / W3), W1 / W2:
  // - new models, each as a fifth core member (and a candidate): the dynamic optimised Theta
  //   (models/dotm.ts, its least-squares line refitted every period) on the log scale -0.034 (1.35
  //   SE) / -0.008, on units -0.031 (1.46 SE) / +0.003; a small auto-ARIMA (models/arima.ts: p, q
  //   0..2, d by KPSS, AICc) on the log scale +0.006 / -0.040, on units +0.000; Theta with half the
  //   Theil-Sen slope on the log scale -0.010 (0.8 SE), in place of theta_log +0.001 (code dropped).
  //   Alone (the only candidate, no contest): dotm_log 14.01, dotm 13.99, arima_log 14.94, arima
  //   16.00, against theta_log 13.93, ses 14.31, seasonal naive 17.93.
  // - only as candidates (challengers): arima_log +0.012; dotm_log + dotm + robust Theta -0.015.
  // - the core's members weighted by their own backtest (bench/forecast-explore/m3-weights.ts),
  //   inverse MAE / MSE / sqrt MSE / MSE per horizon / MAE per horizon / the worst dropped: W1
  //   +0.005 / +0.014 / +0.005 / +0.038 / +0.017 / +0.026, W2 -0.006 / -0.011 / -0.007 / -0.019 /
  //   -0.011 / -0.025: nothing.
  // - the seasonality test on the logs / on the differences, the shrinkage's noise halved: W1
  //   13.856 / 14.011 / 13.836, W2 11.400 / 11.513 / 11.365: the seasonal adjustment stays as it is.
  // - equal-weight subsets of the single models' forecasts (no contest), searched on W1: the best
  //   (-0.23, 3.6 SE) were +0.4 to +0.9 on W2 and vice versa, so every subset was run through the
  //   engine on both windows. The one that held: the core plus arima_log and seasonal_naive (the
  //   last year's months, unshrunk: an anchor without trend), at the challengers' evidence of
  //   1.65 / 2 / 2.33 / 2.6 / 3 standard errors: W1 -0.056 / -0.106 / -0.128 (2.0 SE) / -0.178 /
  //   -0.178, W2 -0.206 (3.8 SE) / -0.170 / -0.141 (2.4 SE) / -0.098 / -0.055. Without arima_log
  //   (at 2.33) -0.071 / -0.136; with dotm_log or dotm too (at 1.65) -0.036 / -0.173, -0.051 /
  //   -0.175; without ses -0.039 / -0.203; the old core at 2.33 -0.034 / +0.076; the core plus
  //   mstl and seasonal naive -> +0.048 / -0.288.
  //   Taken: the six-member core at 2.33, the one setting over 2 SE on both windows: W1 13.805 ->
  //   13.677 (-0.128, 2.01 SE; 719 series better, 630 worse), W2 11.356 -> 11.215 (-0.141, 2.39
  //   SE), and on W3, not used to choose, 11.804 -> 11.667 (-0.137, 2.05 SE). (The same core at
  //   1.65 on W3 -0.089, 1.4 SE.)
  m3: {
    horizon: 18,
    season: 12,
    candidates: [...SMOOTH_POOL.map((m) => (m === "damped" || m === "theta" ? `${m}_log` : m)), "otm_log", "arima_log"],
    core: ["ses", "damped_log", "theta_log", "otm_log", "arima_log", "seasonal_naive"],
    evidence: 2.33,
  } satisfies ForecastConfig,
  // validation at two training windows: mean of the last 4 weeks 0.602 / 0.721, default core 0.772 / 0.755
  // Revision, on validation only (`pnpm bench:forecast:validate jewelry`; FORECAST_OVERRIDE for the
  // alternatives), after the first configuration's test figures were published:
  // - point forecast, MASE at the same two windows (year_before / summer) and over rolling origins
  //   every 2 weeks from week 30 to 98 (h = 13): mean of the last 4 0.602 / 0.721, rolling 1.909;
  //   median of the last 13 weeks 0.584 / 0.688, rolling 1.520 (medians of 5..17 weeks: 1.77 to
  //   1.52, every one below every window mean); the median as core with the default challengers
  //   0.713 / 0.789 (the backtest window is mostly Christmas, where fast models win and then lose
  //   outside it), so no contest: the median alone.
  // - intervals, 95% coverage at the four 13-week quarters of the second training year
  //   (christmas / autumn / summer / year_before), criterion fixed beforehand: mean |coverage - 0.95|
  //   over the four, since operators need intervals they can trust in every season (fixed while the
  //   mean of 4 was still the model, where a quarter horizon scored best, 0.047; re-run once the
  //   median was chosen, below). Errors from
  //   the selection backtest (as before): the mean of 4 0.117 / 0.671 / 0.827 / 0.996 (0.28), the
  //   median 0.791 / 0.667 / 0.859 / 0.926 (0.139). Same time of year (errorSeason 52), origins
  //   within a quarter / half / three quarters / one horizon of the phase: 0.057 / 0.050 / 0.027 /
  //   0.020; taken: one horizon, 0.989 / 0.937 / 0.949 / 0.977 (80%: 0.905 / 0.710 / 0.817 / 0.843).
  // Revision 3 (validation only, the four quarters, MASE christmas / autumn / summer / year_before):
  // unchanged. The median 1.345 / 2.009 / 0.688 / 0.584; trimmed means of the 13 weeks, the middle
  // 5 / 7 / 9, 1.385 / 2.003 / 0.684 / 0.587, 1.492 / 2.001 / 0.684 / 0.587, 1.603 / 1.998 / 0.686 / 0.595
  // (more series beat naive, 0.64 against 0.54 in autumn, but Christmas worse); the mean of the
  // median and SES 3.469 / 1.988 / 0.706 / 0.628, and the mean of 4 2.904 / 1.979 / 0.694 / 0.585,
  // and the history's mean 1.426 / 1.990 / 0.701 / 0.626: none better in every quarter, none chosen.
  // Revision 4 (session 8, validation only, the four quarters; bench/forecast-explore/jewelry-rules.ts):
  // unchanged. MASE / share better than naive, christmas / autumn / summer / year_before: the median
  // 1.345/100% 2.009/54% 0.687/72% 0.584/88%. The mean of the median and the median of the last 4
  // 2.828/100% 1.981/68% 0.695/79% 0.583/89% (beats naive more often everywhere, but Christmas far
  // worse); the median of the median, naive and the mean of 4 4.792 / 1.993 / 0.721 / 0.604; 3/4 of
  // the median + 1/4 naive 2.317 / 2.003 / 0.702 / 0.616; per series the rule (median, mean of 4,
  // naive, SES, median of 26) that did best at the same weeks a year earlier 1.345 / 2.004-2.009 /
  // 0.691-0.713 / 0.587-0.596; the median times the catalogue's change over the same weeks a year
  // earlier 1.212 / 2.438 / 0.693 / 0.584 (its square root 1.260 / 2.084 / 0.690 / 0.584); top-down,
  // the item's share of the last 13 / 26 / 52 weeks times the catalogue's median week of the last 13,
  // 1.305 / 2.010 / 0.711 / 0.608, 1.301 / 2.006 / 0.730 / 0.625, 1.309 / 2.025 / 0.738 / 0.584.
  // None better in every quarter.
  // Revision 6 (session 10, engine + configuration, validation only, the four quarters; MASE / share
  // better than naive, christmas / autumn / summer / year_before; bench/forecast-explore/jewelry-rules-6.ts).
  // Before, the median of 13: 1.345/100% 2.009/54% 0.687/72% 0.584/88%.
  // - per series a quantile of the last 13 weeks other than the median, chosen by its own backtest
  //   absolute error (13-week flat forecasts from every origin of the last 26 / 52 weeks; the median
  //   unless another beats it by 0 / 5%): 0.4 or 0.6, 26 weeks, 0% 1.508/100% 2.042/50% 0.714/69%
  //   0.621/84%; 0.3-0.7, 52 weeks, 0% 1.293/100% 2.049/45% 0.695/73% 0.656/83%; the closest, 0.4 or
  //   0.6, 52 weeks, 5% 1.329/100% 2.011/54% 0.687/73% 0.585/88%. Not taken.
  // - per series a level that follows recent change (the median of the last 4 / 6 / 8) only where
  //   the series' own backtest shows it wins (the last 26 / 52 weeks, margin 0 / 5 / 10%): 26 weeks
  //   helps autumn (2.002-2.008/55-57%) but Christmas 1.351-1.853; 52 weeks picks it almost never
  //   (1.345-1.347 / 2.008-2.009 / 0.687-0.690 / 0.584-0.598). A test for persistent level shifts
  //   (consecutive 13-week block medians apart by over 1.96 / 2.58 standard errors in a third / half
  //   of the steps, then the median of 4 / 8) never fired on jewelry: the median's figures exactly.
  // - the median of 13 shrunk toward the median of the last L weeks by the James-Stein weight
  //   w = 1 - c x noise / spread (spread: variance of the 13-week block medians in those L weeks;
  //   noise: pi/2 x within-block variance / 13, the sampling variance of one such median), c = 1:
  //   L 26 1.320/100% 2.005/59% 0.685/74% 0.594/87%; 39 1.282/100% 1.999/55% 0.689/69% 0.563/89%;
  //   52 1.283/100% 1.992/62% 0.684/74% 0.560/90%; 65 1.308/100% 2.008/57% 0.703/70% 0.569/89%;
  //   78 1.294/100% 2.019/53% 0.706/70% 0.569/89%. At L 52, c 0.5 / 2: 1.285/100% 1.989/62%
  //   0.681/75% 0.559/90%, 1.288/100% 1.996/62% 0.686/74% 0.564/89%. Only a year (L 52) is better in
  //   every quarter, at every c tried.
  // Taken: that model (models/shrunk-median.ts, `shrunk_median`, c = 1, no tuning), the only
  // candidate. Its intervals (errorSeason 52, the same rule) needed two choices, on the same
  // quarters: 95% coverage first 0.844 / 0.893 / 0.925 / 0.974 (80%: 0.653 / 0.661 / 0.778 / 0.867),
  // because a backtest a year back shrank toward the median of a part of a year (the first months);
  // with no shrinkage until a whole year is in the window 0.891 / 0.917 / 0.927 / 0.973; and the
  // window median's backtest errors turned out to come from a median of 8 weeks, not 13 (its window
  // is min(13, n) at the fit and the walk-forward fit is at 8 weeks), wider ones: with the recent
  // window kept the same way, 0.989 / 0.946 / 0.921 / 0.979 (80%: 0.917 / 0.730 / 0.779 / 0.842),
  // against the median's 0.989 / 0.937 / 0.949 / 0.977 (mean |coverage - 0.95| 0.025 against 0.020).
  // Validation with it: MASE 1.283 / 1.992 / 0.684 / 0.560, better than naive 100% / 62% / 74% / 90%.
  // M3, carparts and pizza validation unchanged (13.677; fair gaps 1.17 / 1.31 / 1.19; 0.7862).
  // Before (revisions 1-5): candidates ["window_median"].
  // Revision 7 (session 10, validation only, the four quarters; bench/forecast-explore/jewelry-rules-11.ts):
  // unchanged. MASE / share better than naive, christmas / autumn / summer / year_before, against
  // shrunk_median's 1.283/100% 1.992/62% 0.684/74% 0.560/90%:
  // - equal-weight combinations: mean of SES, the mean of 4 and the median of 13 3.904/100% 1.975/71%
  //   0.708/80% 0.616/92%; with the shrunk median for the median 3.858/100% 1.965/74% 0.695/83%
  //   0.596/92%; their medians 4.807/93% 1.978/71% 0.719/80% 0.603/90%, 4.807/93% 1.966/74%
  //   0.719/82% 0.596/92%; mean of SES and the shrunk median 3.403/100% 1.975/72% 0.691/81% 0.600/92%
  //   (better than naive more often, but Christmas far worse: SES follows the run-up).
  // - pooled weights (one set for all series, least absolute deviations of the next 13 weeks scaled
  //   by each series' naive MAE, fitted on every origin whose weeks ended before the window's):
  //   shrunk + mean of 4 + last 1.335/100% 1.988/64% 0.718/65% 0.683/78%; + median 13 + median 52
  //   1.372/100% 1.987/64% 0.726/64% 0.698/79%; shrunk + last 1.363/100% 1.986/65% 0.699/68% 0.640/82%
  //   (the weights learn the first year's growth and sum to over 1).
  // - the shrunk median's target moved by the catalogue (shrink toward top-down instead of toward no
  //   change): the year's median x the catalogue's median 13/52 ratio 1.342/100% 1.995/62% 0.693/78%
  //   0.565/90%; the item's share of the last 52 weeks x the catalogue's median week of 13
  //   1.305/100% 2.018/62% 0.733/67% 0.579/85%; the mean of the shrunk median and that top-down
  //   1.292/100% 2.002/65% 0.701/72% 0.565/89%.
  // - the Hodges-Lehmann estimator of the last 13 (median of pairwise means) 1.756/100% 1.998/63%
  //   0.686/75% 0.603/89%.
  // - pizza's count median (point-forecast.ts) does not apply: jewelry's levels are ~100 a week, no
  //   zeros, where a Poisson's median is its mean less a third of a unit; for the same reason
  //   intermittent-demand levels (Croston and kin) have nothing to work on.
  // Revision 8 (session 11, engine + configuration, validation only, the four quarters; MASE / share
  // better than naive, christmas / autumn / summer / year_before; bench/forecast-explore/jewelry-rules-12.ts).
  // Before, shrunk_median: 1.283/100% 1.992/62% 0.684/74% 0.560/90%. Why Christmas hurts: its origin
  // (week 98 of training) sits in the peak (the catalogue's weeks 95-98 at 2-4 x an ordinary week),
  // so every rule that follows recent weeks forecasts the peak into January; a flat level is wrong
  // on the peak and slump weeks alike whatever it is, and the rule "better in all four" so far
  // picked the slowest level. The test's quarter (weeks 112-124, March to early June 2000; dates only
  // looked at) is no Christmas quarter: it is the year_before quarter's weeks a year on, its origin
  // just after Christmas, January and Valentine's week.
  // - per series a rule among naive, mean of 4 / 8, median of 13, SES, shrunk by its own rolling-
  //   origin backtest (flat 13-week forecasts, origins in the last 26 / 52 weeks): own best 1.595/98%
  //   2.001/61% 0.682/72% 0.604/86%, 1.285/100% 1.987/64% 0.684/72% 0.615/86%; only if it beats the
  //   shrunk median by 5% 1.491/99% 1.995/62% 0.682/73% 0.562/89%, 1.281/100% 1.991/62% 0.684/74%
  //   0.564/90%; by 10% 1.420/99% 1.992/61% 0.686/73% 0.560/90%, 1.281/100% 1.992/62% 0.684/74%
  //   0.560/90%; shrunk toward the pooled (own + pooled backtest error) 1.339/100% 1.990/63% 0.681/73%
  //   0.591/87%, 1.281/100% 1.990/62% 0.681/73% 0.599/87%; inverse-error weights 3.416/100% 1.971/74%
  //   0.691/81% 0.627/90%, 3.105/100% 1.971/74% 0.700/81% 0.629/90%.
  // - trimmed means of the last k, keeping m: 8/4 2.262/100% 1.999/64% 0.710/76% 0.612/90%; 8/6
  //   2.531/100% 1.997/63% 0.710/75% 0.631/88%; 6/4 3.396/100% 2.013/58% 0.730/75% 0.630/91%; 13/11
  //   1.830/100% 1.997/64% 0.688/75% 0.631/87%. Median of 8 2.248/100% 2.001/63% 0.710/75% 0.606/89%.
  // - on the log scale, back-transformed (the geometric mean): mean of 4 4.537/96% 1.969/69% 0.731/77%
  //   0.595/91%; of 8 2.147/100% 1.989/62% 0.717/74% 0.638/87%; of 13 1.626/100% 2.007/62% 0.691/75%
  //   0.652/84%; SES 6.020/70% 1.991/76% 0.768/83% 0.756/94%.
  // - median ensembles: of naive, mean of 4, median of 13, SES, shrunk 4.782/93% 1.981/66% 0.719/77%
  //   0.599/89%; of mean of 4 / 8, median of 13, shrunk, SES 2.794/100% 1.972/72% 0.695/78% 0.600/90%;
  //   of mean of 8, median of 13, shrunk 1.381/100% 1.983/66% 0.688/74% 0.574/89%.
  // - the item's own median of the forecast's weeks a year back times the catalogue's growth
  //   (median over items of median of 13 now / a year back) 1.276/100% 2.062/47% 0.776/68% (not
  //   scorable at year_before: no 13 weeks before the year back); its mean with the shrunk median
  //   1.266/100% 2.003/59% 0.714/72%.
  // - the catalogue's record a year back (catalogue-year-shape.ts): G(o, k) = the median over items of
  //   y(o + k) / level(o), the level a rule's from the weeks before o, read at o = n - 52, multiplied
  //   onto the same rule's level now, week by week. The raw ratios at the power 0.5 / 0.75 / 1: shrunk
  //   0.972/100% 1.433/97% 0.561/84% 0.516/88%, 0.879/100% 1.169/94% 0.531/82% 0.554/85%, 0.945/100%
  //   1.186/83% 0.537/78% 0.625/80% (year_before's ratios, from a level of the first 7 weeks, are
  //   0.61-0.93: the launch weeks fading, no season); median of 13 1.008/100% 1.452/97% 0.566/88%
  //   0.519/88% at 0.5; mean of 4 2.346 / 1.412 / 0.568 / 0.492 at 0.5; the geometric mean over items
  //   instead of the median alike (shrunk at 0.5: 0.966/100% 1.423/97% 0.561/84% 0.514/88%); one flat
  //   factor, the median of the 13, 1.214/100% 2.019/58% 0.684/74% 0.726/74%. The shape only (the row
  //   over its own median), shrunk, at 0.5 / 0.75 / 1: 1.013/100% 1.473/99% 0.561/84% 0.490/94%,
  //   0.962/100% 1.191/97% 0.531/82% 0.511/92%, 1.128/100% 1.008/94% 0.537/78% 0.569/87%; median of 13
  //   at 0.5 / 0.75 1.073/100% 1.491/98% 0.566/88% 0.522/92%, 1.044/100% 1.207/97% 0.530/85% 0.546/89%.
  // Taken: the shrunk median times the shape at 0.5 (models/shaped-shrunk-median.ts,
  // `shaped_shrunk_median`; the table from jewelryYearShape above), better in all four quarters on
  // MASE and on the share better than naive. Of the two settings that pass, 0.75 is better in three
  // quarters but worse at year_before (the test's weeks a year earlier; 0.511 against 0.490) and on
  // the share in three; 0.5 is the untuned halfway point of one year of record toward no shape, and
  // a holiday that moves a week between years (Mother's day, Easter) costs it less. Validation through
  // the engine (`pnpm bench:forecast:validate jewelry`): MASE 1.013 / 1.473 / 0.561 / 0.490, better
  // than naive 100% / 99% / 84% / 94%, 95% coverage 0.989 / 0.976 / 0.966 / 0.985 (80%: 0.941 / 0.834
  // / 0.863 / 0.866; before 0.989 / 0.946 / 0.921 / 0.979, mean |coverage - 0.95| 0.029 against 0.025:
  // the error origins a year back mostly predate the record, so they are the plain median's, wider).
  // Before: candidates ["shrunk_median"].
  // Revision 9 (session 13, validation only; bench/forecast-explore/jewelry-rolling-13.ts): unchanged.
  // 23 rolling origins every 2 weeks (weeks 54-98 of training) instead of four quarters, the catalogue
  // record rebuilt at each from the cut series; rule fixed beforehand: lower mean MASE, higher mean
  // share better than naive, and better MASE at two thirds of the origins. The frozen rule 0.944 /
  // 89.4% (median 0.598), no rule passed: the closest, the shape at the power 0.75, 0.843 / 87.5%, won
  // 15 of 23 origins; the plain shrunk median 1.209 / 71.5%, the mean of 4 1.483 / 62.8%, the median
  // of 13 1.250 / 64.8%. So the training part ranks these rules the other way round from the test
  // (mean of 4 0.613 < median of 13 0.630 < this 0.707), even at the test's weeks a year earlier:
  // every origin in it carries the shape from year 1 to year 2 only, and the shape's gain needs the
  // weeks aligned (read one week early or late it is worse than no shape after Christmas: 0.636 /
  // 0.651 against 0.567), while moving holidays (Easter, 4 April 1999 and 23 April 2000) shift.
  jewelry: { horizon: 13, season: 1, candidates: ["shaped_shrunk_median"], errorSeason: 52, catalogueYearShape: jewelryYearShape } satisfies ForecastConfig,
  // validation (28 days before the test): 0.792 against the plain mean's 0.798; the week's shape
  // from the store's total (per SKU it is too noisy), rarely-sold SKUs still treated as regular
  // Revision: unchanged. Rolling origins every 14 days from day 197 to 309 (28 days each): the
  // engine 0.784, the store-shaped mean 0.785, store-shaped SES 0.784, mean of both 0.784, windows
  // of 28-168 days 0.786-0.788, per-SKU weekday shapes shrunk toward the store's 0.783-0.794, the
  // window median as core 0.795 at the 28-day window: nothing worth choosing.
  // Revision 3: unchanged. Days the whole shop sold nothing (closed: 6 in training) taken as
  // censored instead of zero demand: validation 0.7941 against 0.7925, rolling origins 0.7865
  // against 0.7838; with the week's shape also from the filled-in days, 0.7924 / 0.7864. Not taken.
  // Revision 4 (session 8, engine, validation only): top-down, the SKU's whole-history mean moved
  // to the store's level of the last 28 days (`catalogue_share`, see catalogue-level.ts), the only
  // candidate: validation 0.7862 against 0.7925, rolling origins 0.7794 against 0.7838 (better at
  // 6 of the 9). As the core with the other candidates as challengers at 1.65 / 2.33 / 3 standard
  // errors: 0.7895 / 0.7882 / 0.7872 (rolling at 1.65 and 3: 0.7807 / 0.7793): the contest only
  // adds noise. The store's level over 14-56 days scored alike (0.786; rolling 0.778-0.781), over 91 days
  // 0.787 / 0.782; from the store's SES (alpha 0.1) 0.786 / 0.778; the SKU's share of the last 91 or
  // 182 days instead of the whole history 0.789-0.791 / 0.783-0.786; the week's shape from the
  // store's last 91 / 182 days only 0.7955 / 0.7873 (rolling 0.7800 / 0.7797). Before (revision 3's
  // configuration): core ["seasonal_average", "ses"].
  // Revision 5 (session 9, validation only): unchanged. catalogue_share averaged with one more
  // model (combineAlways): seasonal_window_median 0.7908, seasonal_average 0.7877, ses 0.7888,
  // seasonal_window_average 0.7914, against 0.7862 alone.
  // Revision 6 (session 9, validation only): unchanged. bench/forecast-explore/pizza-rules-6.ts,
  // catalogue_share by hand (equal to the engine's, 0.7862 / rolling 0.7794), validation / rolling
  // origins (197-309 every 14 days), the paired difference over SKU x origin on the rolling ones:
  // - the store's level estimated robustly, the median of the last 4 / 6 / 8 deseasonalised weekly
  //   totals over the history's mean week: 0.7864 / 0.7791, 0.7862 / 0.7802, 0.7862 / 0.7811; over its
  //   median week 0.7862 / 0.7790 (-0.0004), 0.7861 / 0.7801, 0.7861 / 0.7809; the trimmed mean of
  //   the middle 4 of 6 weeks 0.7861 / 0.7800; the median of the last 28 days over the median day
  //   0.7883 / 0.7822. Not one better at both.
  // - the week's shape per SKU group shared between its SKUs (size: S M L XL XXL; pizza type: 32),
  //   raw / halfway to the store's / shrunk to it by the James-Stein weight of seasonality.ts: size
  //   0.7860 / 0.7797, 0.7856 / 0.7791, 0.7858 / 0.7793 (-0.0001, 1.8 SE); type 0.7890 / 0.7817,
  //   0.7873 / 0.7796, 0.7864 / 0.7794.
  // - the catalogue level of the SKU's group instead of the store's (or the mean of both): size
  //   0.7861 / 0.7781 (-0.0012, 1.4 SE), 0.7860 / 0.7787; type 0.7916 / 0.7828, 0.7874 / 0.7804; the
  //   size's level and the size's shrunk shape together 0.7857 / 0.7781 (-0.0013, 1.5 SE).
  // The size-group variants are better at both by 0.0001-0.0013 (under 2 standard errors, which
  // count SKUs of one origin as independent, so even that overstates them), far from the 0.75 goal,
  // and would need product groups the plugin does not have: not taken.
  // Revision 7 (session 10, engine + configuration, validation only; bench/forecast-explore/median-point.ts,
  // validation window / rolling origins 197-309 every 14 days, paired difference over SKU x origin):
  // MASE is an absolute error, which the predictive median minimises, not the mean; at 1.5 units a
  // SKU-day the two differ by a good part of a unit. Scored point, catalogue_share's mean as before
  // 0.7862 / 0.7794; the median of a Poisson with that mean per day (point-forecast.ts) 0.7622 /
  // 0.7337 (-0.046, 13 SE), better at every one of the 9 origins (the last is the validation window);
  // a negative binomial with the dispersion of the backtest's one-step errors (as lead-time-demand.ts)
  // 0.7691 / 0.7340, with the history's variance / mean 0.7697 / 0.7322; the engine's own 0.5 error
  // quantile added to the mean 0.8053 / 0.7550 (worse at validation). For reference only (not a
  // candidate): the history mean's Poisson median 0.7533 / 0.7390. Taken: `point: "median"` (Poisson:
  // as good as the negative binomial, no per-SKU dispersion to estimate); the mean still drives stock.
  pizza: { horizon: 28, season: 7, candidates: ["catalogue_share"], intermittentInterval: 3, point: "median" } satisfies ForecastConfig,
  // validation (reviews in months 27-38): largest CSL gap 1.25 pts
  // Revision (engine, not configuration; validation reviews 21-32 / 27-38 / 33-38, CSL at 90/95/99):
  //   before             88.4/92.2/95.8  90.6/94.3/97.8  90.6/94.4/97.4  largest gap 3.18/1.25/1.60, mean gap 1.44
  //   no window_average  88.8/92.5/96.1  91.4/95.0/98.4  91.7/95.3/98.6  largest gap 2.89/1.38/1.70, mean gap 1.24
  //   + t for < 30 errors 89.1/92.9/96.5 91.5/95.1/98.5  91.9/95.4/98.7  largest gap 2.52/1.52/1.89, mean gap 1.15
  //   + spread ~ sqrt(level) 88.4/92.7/96.6 90.6/95.0/98.6 91.6/95.4/98.6  largest gap 2.45/0.55/1.55, mean gap 1.08
  // (the intermittent pool lost window_average: its zero forecasts ran out on ~50% of their cycles;
  // error quantiles from fewer than 30 errors use Student's t; the count distribution's variance is
  // rescaled by the square root of now's level over the backtest's, see lead-time-demand.ts for the
  // exponents tried). Criterion: the mean over the three windows of the largest gap (the headline),
  // then the mean gap: 2.01 -> 1.99 -> 1.98 -> 1.52. Mean stock 0.90 / 0.87 / 0.85 of the Croston
  // policy's (before: 0.84 / 0.82 / 0.79). Walking the errors from the start of the history instead
  // (with the pool and t changes): 3.01/1.69/1.87 and more stock (1.02 x Croston's): not taken.
  // Revision 3 (engine trials, validation only; the criterion as above, mean largest gap over the
  // three windows, before 1.51): the count distribution's variance blended with the variance /
  // mean of the history's own 2-month totals, weight n / (n + k) for the backtest's, k 5 / 20,
  // 1.85 / 2.22; at least that history figure 1.95; a floor of 1.25 / 1.5 / 2 x the mean 1.65 /
  // 1.84 / 2.14; x (1 + c / n) for c 3 / 10 1.58 / 1.57 (and 1.02-1.25 x Croston's stock). Every one
  // lifts the 90% level, already at or over its target in two windows, as much as the 99%. Nothing
  // taken. Noticed: most of window 21-32's 99% shortfall (96.6) is 286 cycles of series that had
  // sold nothing yet at the review (forecast and spread exactly zero, 65-79% stock-outs), an
  // artefact of the reference set's choice of series that sell later; the test's reviews have none.
  // Revision 4 (session 8, engine, validation only). The reference set was chosen on months 0-38
  // (at least 10 sold), so inside those months an item quiet at a validation review is bound to
  // sell before month 39: such cycles ran out far more often than promised and pulled the windows
  // under their targets, hiding an over-coverage. The validation now also counts series by the
  // test's own rule applied at each window's first review ("fair" windows in forecast-validate.ts;
  // 1,051 / 1,076 / 1,003 series), and the criterion is the mean largest gap over those three.
  // Before: 94.7/97.4/99.2, 94.0/96.6/98.8, 93.5/96.2/98.9 (4.05; the old windows 1.51). Taken:
  // the count distribution's mean moved by the backtest's actual / forecast total (1/4..4; see
  // `biasRatio` in lead-time-demand.ts): 91.2/96.0/99.1, 88.7/94.6/98.6, 88.8/94.0/98.6 (1.22),
  // stock 0.89/0.77/0.75 of Croston's (was 0.88/0.81/0.79); the old windows 2.28. Tried on the
  // fair windows, not taken: core SBA alone 2.90, SBA+TSB 4.08, TSB 4.17, + historic mean 4.24, no
  // core contest 4.13, every series regular (empirical quantiles, smooth pool) 2.78.
  carparts: { firstReview: 39, leadTime: 1 },
  speed: { series: 10_000, length: 730, runs: 3 },
}

/** Where the validation windows lie (training data only; see forecast-validate.ts). */
export const VALIDATION_WINDOWS = {
  /** weeks between the window's end and the end of training */
  jewelry: { christmas: 0, autumn: 13, summer: 26, year_before: 39 },
  carparts: { reviews21to32: { firstReview: 21, end: 33 }, reviews27to38: { firstReview: 27, end: 39 }, reviews33to38: { firstReview: 33, end: 39 } },
}
