#!/usr/bin/env Rscript
# Regenerates the golden values of the forecasting tests from R's forecast package (8.20 was used).
# usage: Rscript tests/Zhibiao.Analytics.Tests/Forecasting/make-golden.R   (from the repository root)
# The series are synthetic (seeded), written to series.csv; no competition data is stored.
suppressMessages(library(forecast))
dir <- "tests/Zhibiao.Analytics.Tests/Forecasting"
num <- function(v) trimws(formatC(v, digits = 15, format = "g"))
series <- list()
set.seed(11); series$yearly20 <- list(m = 1, y = round(100 + cumsum(rnorm(20, 3, 5)), 2))
series$trend12 <- list(m = 1, y = c(10, 12, 11, 15, 14, 18, 17, 21, 20, 24, 25, 23))
series$short5 <- list(m = 1, y = c(5, 7, 6, 8, 9))
set.seed(12); series$quarterly24 <- list(m = 4, y = round((200 + 2 * (1:24) + rnorm(24, 0, 4)) * rep(c(1.1, 0.9, 0.8, 1.2), 6), 2))
set.seed(13); series$monthly48 <- list(m = 12, y = round((500 + 3 * (1:48) + cumsum(rnorm(48, 0, 5))) *
  rep(c(0.90, 0.85, 0.95, 1.00, 1.05, 1.10, 1.20, 1.15, 1.05, 0.95, 0.90, 0.90), 4), 2))
set.seed(14); series$noise36 <- list(m = 12, y = round(50 + rnorm(36, 0, 3), 2))

rows <- do.call(rbind, lapply(names(series), function(id) data.frame(series = id, season_length = series[[id]]$m,
  t = seq_along(series[[id]]$y), y = num(series[[id]]$y))))
write.csv(rows, file.path(dir, "series.csv"), row.names = FALSE, quote = FALSE)

h <- 8
out <- function(id, model, f) data.frame(series = id, model = model, h = seq_len(h), mean = num(f$mean),
  lo80 = num(f$lower[, 1]), hi80 = num(f$upper[, 1]), lo95 = num(f$lower[, 2]), hi95 = num(f$upper[, 2]), tolerance = "1e-9")
b <- list()
for (id in c("trend12", "yearly20", "quarterly24")) {
  x <- ts(series[[id]]$y, frequency = series[[id]]$m)
  b[[length(b) + 1]] <- out(id, "naive", naive(x, h = h, level = c(80, 95)))
  b[[length(b) + 1]] <- out(id, "drift", rwf(x, drift = TRUE, h = h, level = c(80, 95)))
  b[[length(b) + 1]] <- out(id, "mean", meanf(x, h = h, level = c(80, 95)))
}
for (id in c("quarterly24", "monthly48")) {
  x <- ts(series[[id]]$y, frequency = series[[id]]$m)
  b[[length(b) + 1]] <- out(id, "snaive", snaive(x, h = h, level = c(80, 95)))
}
write.csv(do.call(rbind, b), file.path(dir, "Baselines/baselines-r.csv"), row.names = FALSE, quote = FALSE)

# Seasonality: R's acf, the thetaf test decision (seasonal when thetaf's forecast differs from the
# non-seasonal one) and decompose()'s multiplicative indices from the first value on.
s <- list()
for (id in c("quarterly24", "monthly48", "noise36")) {
  m <- series[[id]]$m; x <- ts(series[[id]]$y, frequency = m)
  r <- as.numeric(acf(x, lag.max = m, plot = FALSE)$acf)[-1]
  seasonal <- !isTRUE(all.equal(as.numeric(thetaf(x, h = 3)$mean), as.numeric(thetaf(ts(as.numeric(x)), h = 3)$mean)))
  d <- decompose(x, type = "multiplicative")
  s[[length(s) + 1]] <- data.frame(series = id, season_length = m, seasonal = tolower(seasonal),
    acf = paste(num(r), collapse = " "), figure = paste(num(d$seasonal[1:m]), collapse = " "), tolerance = "1e-12")
}
write.csv(do.call(rbind, s), file.path(dir, "Seasonality/seasonality-r.csv"), row.names = FALSE, quote = FALSE)

# Theta: thetaf's forecasts, with the SES parameters alpha and l0 of the (adjusted) series so the tests can
# replay them exactly, and R's sigma2 (the SES sum of squares over n - 2, or over n for n <= 6; the library divides
# by n - 3). The estimated forecasts may differ where R's optimiser stops elsewhere on a flat sum of squares
# (noise36) or keeps l0 = y1 (short series); the tolerances say by how much.
tol <- list(trend12 = "0.002", yearly20 = "0.002", short5 = "0.01", quarterly24 = "0.002", monthly48 = "0.002", noise36 = "0.01")
t <- list()
for (id in c("trend12", "yearly20", "short5", "quarterly24", "monthly48", "noise36")) {
  m <- series[[id]]$m; x <- ts(series[[id]]$y, frequency = m); n <- length(x)
  f <- thetaf(x, h = h, level = c(80, 95))
  xa <- x
  seasonal <- !isTRUE(all.equal(as.numeric(f$mean), as.numeric(thetaf(ts(as.numeric(x)), h = h)$mean)))
  if (seasonal) xa <- x / decompose(x, type = "multiplicative")$seasonal
  fit <- ses(ts(as.numeric(xa)), h = h)
  stopifnot(abs(fit$model$par[["alpha"]] - f$model$alpha) < 1e-12)
  t[[length(t) + 1]] <- data.frame(series = id, h = seq_len(h), mean = num(f$mean), lo80 = num(f$lower[, 1]),
    hi80 = num(f$upper[, 1]), lo95 = num(f$lower[, 2]), hi95 = num(f$upper[, 2]), alpha = num(f$model$alpha),
    l0 = num(fit$model$par[["l"]]), sse = num(sum(residuals(fit$model)^2)), sigma2 = num(f$model$sigma),
    seasonal = tolower(seasonal), tolerance_replay = "1e-7", tolerance_estimated = tol[[id]])
}
write.csv(do.call(rbind, t), file.path(dir, "Theta/theta-r.csv"), row.names = FALSE, quote = FALSE)
