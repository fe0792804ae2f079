# Open the latest release of every dataset in R, the way the README shows, and check what
# an R user gets.
#
# Usage: Rscript scripts/load_release.R [DATASET_DIR...]   (default: every datasets/*/)
#
# Reads datasets/<name>/releases/latest/{claims,articles}.parquet with nanoparquet and asserts,
# against manifest.json and the data dictionary (datasets/README.md): the row counts, the
# column names in order, `Date` for date columns, integers for int32 columns, character for
# strings, enum values among the allowed ones, and no NA in a column that cannot be null.
# Stops with a message on the first mismatch.

fail <- function(...) stop(paste0("load_release.R: ", ...), call. = FALSE)

# The data dictionary's tables: one data frame of (name, type, nullable, allowed) per table.
dictionary <- function(path = "datasets/README.md") {
  lines <- readLines(path, encoding = "UTF-8")
  tables <- list()
  current <- NULL
  for (line in lines) {
    heading <- regmatches(line, regexec("^## (\\w+)\\.parquet$", line))[[1]]
    if (length(heading) == 2) {
      current <- heading[2]
      tables[[current]] <- data.frame(name = character(), type = character(),
                                      nullable = logical(), allowed = character())
      next
    }
    row <- regmatches(line, regexec("^\\| `([a-z0-9_]+)` \\| (\\w+) \\| (yes|no) \\| ([^|]*) \\|", line))[[1]]
    if (!is.null(current) && length(row) == 5) {
      allowed <- regmatches(row[5], gregexpr("`[^`]+`", row[5]))[[1]]
      tables[[current]] <- rbind(tables[[current]], data.frame(
        name = row[2], type = row[3], nullable = row[4] == "yes",
        allowed = paste(gsub("`", "", allowed), collapse = ",")))
    }
  }
  if (is.null(tables$claims) || is.null(tables$articles)) fail(path, ": no column tables found")
  tables
}

# A count from manifest.json's "counts" (the only integer-valued keys of these names).
manifest_count <- function(release, key) {
  text <- paste(readLines(file.path(release, "manifest.json"), encoding = "UTF-8"), collapse = "\n")
  m <- regmatches(text, regexec(sprintf('"%s": ([0-9]+)', key), text))[[1]]
  if (length(m) != 2) fail(release, "/manifest.json: no count of ", key)
  as.integer(m[2])
}

check_table <- function(release, table, columns) {
  path <- file.path(release, paste0(table, ".parquet"))
  df <- nanoparquet::read_parquet(path)
  rows <- manifest_count(release, table)
  if (nrow(df) != rows) fail(path, ": ", nrow(df), " rows, manifest says ", rows)
  if (!identical(names(df), columns$name)) {
    fail(path, ": columns ", paste(names(df), collapse = ", "),
         "; the data dictionary has ", paste(columns$name, collapse = ", "))
  }
  for (k in seq_len(nrow(columns))) {
    col <- columns[k, ]
    values <- df[[col$name]]
    ok <- switch(col$type,
                 date = inherits(values, "Date"),
                 int32 = is.integer(values),
                 string = is.character(values),
                 fail("unknown type ", col$type, " in the data dictionary"))
    if (!ok) fail(path, ": ", col$name, " is ", paste(class(values), collapse = "/"), ", not ", col$type)
    if (!col$nullable && anyNA(values)) fail(path, ": ", col$name, " has NA but cannot be null")
    if (nzchar(col$allowed)) {
      allowed <- strsplit(col$allowed, ",", fixed = TRUE)[[1]]
      bad <- setdiff(unique(values[!is.na(values)]), allowed)
      if (length(bad) > 0) fail(path, ": ", col$name, " holds ", paste(bad, collapse = ", "))
    }
  }
  cat(sprintf("%s: %d rows, %d columns: R (nanoparquet) reads Date, integer and character as the data dictionary says\n",
              path, nrow(df), ncol(df)))
}

args <- commandArgs(trailingOnly = TRUE)
datasets <- if (length(args) > 0) args else Sys.glob("datasets/*/")
datasets <- datasets[file.exists(file.path(datasets, "releases", "latest"))]
if (length(datasets) == 0) fail("no dataset with a releases/latest")
tables <- dictionary()
for (dataset in datasets) {
  release <- file.path(sub("/$", "", dataset), "releases", "latest")
  check_table(release, "claims", tables$claims)
  check_table(release, "articles", tables$articles)
}
