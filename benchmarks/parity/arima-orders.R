#!/usr/bin/env Rscript
# The order auto.arima (R forecast) chooses for every series of a long-format file, for comparison with ours.
# usage: arima-orders.R TRAIN.csv FREQUENCY OUT.csv
#   writes unique_id,p,d,q,P,D,Q,constant,loglik,aicc
suppressMessages(library(forecast))
args <- commandArgs(trailingOnly = TRUE)
train <- read.csv(args[1], stringsAsFactors = FALSE); freq <- as.integer(args[2])
series <- split(train$y, factor(train$unique_id, levels = unique(train$unique_id)))
rows <- lapply(names(series), function(id) {
  f <- auto.arima(ts(series[[id]], frequency = freq)); a <- f$arma
  data.frame(unique_id = id, p = a[1], d = a[6], q = a[2], P = a[3], D = a[7], Q = a[4],
             constant = as.integer(any(names(f$coef) %in% c("drift", "intercept"))), loglik = f$loglik, aicc = f$aicc)
})
write.csv(do.call(rbind, rows), args[3], row.names = FALSE, quote = FALSE)
