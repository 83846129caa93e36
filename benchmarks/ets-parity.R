#!/usr/bin/env Rscript
# Dumps what R's forecast::ets() selects and estimates on every series of a long-format file.
# usage: ets-parity.R TRAIN.csv FREQUENCY OUT.csv
#   writes unique_id,method,alpha,beta,gamma,phi,loglik,aicc,sigma2 (one row per series; NA where absent)
#   and prints: ets,<series>,<elapsed s>,<series per elapsed second>,<cpu s>,<series per cpu second>
#   for the fits alone (one thread; CPU time is user + system of this process).
suppressMessages(library(forecast))
args <- commandArgs(trailingOnly = TRUE)
train <- read.csv(args[1], stringsAsFactors = FALSE)
freq <- as.integer(args[2]); out <- args[3]
series <- split(train$y, factor(train$unique_id, levels = unique(train$unique_id)))
t0 <- proc.time()
fits <- lapply(series, function(v) ets(ts(v, frequency = freq)))
t1 <- proc.time()
el <- t1[["elapsed"]] - t0[["elapsed"]]
cpu <- (t1[["user.self"]] + t1[["sys.self"]]) - (t0[["user.self"]] + t0[["sys.self"]])
get <- function(f, name) if (name %in% names(f$par)) unname(f$par[[name]]) else NA
rows <- do.call(rbind, lapply(names(fits), function(id) { f <- fits[[id]]
  data.frame(unique_id = id, method = f$method, alpha = get(f, "alpha"), beta = get(f, "beta"),
             gamma = get(f, "gamma"), phi = get(f, "phi"),
             loglik = if (is.null(f$loglik)) NA else f$loglik, aicc = if (is.null(f$aicc)) NA else f$aicc,
             sigma2 = f$sigma2) }))
write.csv(rows, out, row.names = FALSE, quote = 2)
cat(sprintf("ets,%d,%.3f,%.1f,%.3f,%.1f\n", length(series), el, length(series) / el, cpu, length(series) / cpu))
