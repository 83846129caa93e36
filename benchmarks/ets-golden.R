#!/usr/bin/env Rscript
# Writes the golden values of tests/Zhibiao.Analytics.Tests/Forecasting/Ets/ets-r-golden.csv from R's forecast::ets() on a
# few hand-picked M3 series (their training values are stored in ets-r-series.csv beside the tests).
# usage: ets-golden.R SERIES.csv OUT.csv      (SERIES.csv: unique_id,frequency,horizon,y with one row per value)
suppressMessages(library(forecast))
args <- commandArgs(trailingOnly = TRUE)
d <- read.csv(args[1], stringsAsFactors = FALSE)
rows <- list()
for (id in unique(d$unique_id)) {
  s <- d[d$unique_id == id, ]
  f <- ets(ts(s$y, frequency = s$frequency[1]))
  fc <- forecast(f, h = s$horizon[1], level = 95)
  p <- function(n) if (n %in% names(f$par)) unname(f$par[[n]]) else NA
  rows[[length(rows) + 1]] <- data.frame(unique_id = id, method = f$method, alpha = p("alpha"), beta = p("beta"),
    gamma = p("gamma"), phi = p("phi"), loglik = f$loglik, aicc = f$aicc, sigma2 = f$sigma2,
    h = seq_len(s$horizon[1]), mean = as.numeric(fc$mean), lo95 = as.numeric(fc$lower[, 1]), hi95 = as.numeric(fc$upper[, 1]))
}
write.csv(do.call(rbind, rows), args[2], row.names = FALSE, quote = 2)
