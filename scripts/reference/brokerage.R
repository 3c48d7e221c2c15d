#!/usr/bin/env Rscript
# Reference values for orgraph's Gould-Fernandez brokerage roles, from R's sna::brokerage.
#
# Writes test/fixtures/reference/brokerage/sna.json: for each case (data set, relation, group
# attribute, directed or not) the raw role counts per person (raw.nli), their expectations
# (exp.nli), standard deviations (sd.nli) and z-scores (z.nli), and the network-level values
# (raw.gli, exp.gli, sd.gli, z.gli), with the density the null model used.
#
# Views are built as orgraph's projection builds them: a directed view of one relation has an arc
# s -> t for every tie (both ways for a tie of an undirected relation); values are ignored (sna
# counts presence). The undirected case passes a symmetric matrix, so sna counts each open triad
# twice, once per direction.
#
# Usage: Rscript scripts/reference/brokerage.R   (from the repository root)
suppressMessages({
  library(sna)
  library(jsonlite)
})

root <- normalizePath(file.path(dirname(sub("--file=", "", grep("--file=", commandArgs(FALSE), value = TRUE))), "..", ".."))
datasets <- file.path(root, "test", "fixtures", "datasets")
out_path <- file.path(root, "test", "fixtures", "reference", "brokerage", "sna.json")

cases <- list(
  list(name = "krackhardt-hightech", relation = "advice", group = "department"),
  list(name = "krackhardt-hightech", relation = "friendship", group = "level"),
  list(name = "lazega-lawfirm", relation = "advice", group = "office"),
  list(name = "lazega-lawfirm", relation = "advice", group = "practice"),
  list(name = "zachary-karate", relation = "interaction", group = "club"),
  list(name = "hospital-rfid", relation = "contact", group = "status"),
  list(name = "email-eu-core", relation = "email", group = "department")
)

read_dataset <- function(name) {
  d <- file.path(datasets, name)
  people <- read.csv(file.path(d, "people.csv"), colClasses = "character", check.names = FALSE)
  ties <- read.csv(file.path(d, "ties.csv"), colClasses = c("character", "character", "numeric", "character"))
  rel_file <- file.path(d, "relations.csv")
  rels <- if (file.exists(rel_file)) read.csv(rel_file, colClasses = "character") else data.frame(relation = character(), directed = character())
  list(people = people, ties = ties, rels = rels)
}

mat <- function(x) unname(lapply(seq_len(ncol(x)), function(k) as.numeric(x[, k])))

results <- list()
for (cs in cases) {
  ds <- read_dataset(cs$name)
  ids <- ds$people$id
  n <- length(ids)
  t <- ds$ties[ds$ties$relation == cs$relation, ]
  undirected <- any(ds$rels$relation == cs$relation & tolower(ds$rels$directed) == "false")
  a <- matrix(0, n, n)
  s <- match(t$source, ids)
  d <- match(t$target, ids)
  a[cbind(s, d)] <- 1
  if (undirected) a[cbind(d, s)] <- 1
  diag(a) <- 0
  cl <- ds$people[[cs$group]]
  b <- brokerage(a, cl)
  roles <- c("coordinator", "itinerant", "representative", "gatekeeper", "liaison", "total")
  per <- function(x) setNames(mat(x), roles)
  glob <- function(x) setNames(as.list(as.numeric(x)), roles)
  arcs <- sum(a)
  results[[length(results) + 1]] <- list(
    dataset = cs$name,
    relation = cs$relation,
    group = cs$group,
    directed = !undirected,
    people = ids,
    arcs = arcs,
    density = arcs / (n * (n - 1)),
    raw = per(b$raw.nli),
    expected = per(b$exp.nli),
    sd = per(b$sd.nli),
    z = per(b$z.nli),
    network = list(raw = glob(b$raw.gli), expected = glob(b$exp.gli), sd = glob(b$sd.gli), z = glob(b$z.gli))
  )
}

doc <- list(
  tool = "R sna::brokerage",
  version = as.character(packageVersion("sna")),
  r = R.version.string,
  script = "scripts/reference/brokerage.R",
  generated = format(Sys.Date()),
  notes = "Columns w_I, w_O, b_IO, b_OI, b_O, t = coordinator, itinerant, representative, gatekeeper, liaison, total. null = NaN.",
  cases = results
)
dir.create(dirname(out_path), recursive = TRUE, showWarnings = FALSE)
writeLines(toJSON(doc, auto_unbox = TRUE, digits = NA, na = "null"), out_path)
cat("wrote", out_path, "\n")
