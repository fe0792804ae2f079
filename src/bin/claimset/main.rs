//! The `claimset` command: parses arguments, calls the library, prints, and maps the result
//! to an exit code (0 ok, 1 problems found in the input, 2 could not run).
//!
//! One grammar for every command: results on stdout, diagnostics on stderr; `-q` silences
//! progress and per-item diagnostics everywhere; `-o/--output` names where results go;
//! `--format json` gives machine-readable results; `-j N` sets worker threads.

#![allow(clippy::print_stderr, clippy::print_stdout)]

mod correct;
mod eval;
mod export;
mod extract;
mod output;
mod progress;
mod release;
mod reviews;
mod schema;
mod validate;

use std::process::ExitCode;

use clap::{Parser, Subcommand};

// Extraction and release allocate many small strings on several threads at once, and the
// system allocator spent a tenth of the run there. Transparent huge pages are off (the
// `no_thp` feature) because with them mimalloc's peak RSS grows by half.
#[global_allocator]
static ALLOCATOR: mimalloc::MiMalloc = mimalloc::MiMalloc;

/// Turn news articles into a dataset of fact-check claims.
// The version flag is the top command's only: `claimset verify DS --version 1.0.0` must not
// print claimset's version and succeed without verifying anything.
#[derive(Parser)]
#[command(version, about)]
struct Cli {
    #[command(subcommand)]
    command: Command,
    /// No progress bar and no line per rejected input: only results and the summary.
    #[arg(short, long, global = true)]
    quiet: bool,
}

#[derive(Subcommand)]
enum Command {
    Extract(extract::Args),
    Release(release::ReleaseArgs),
    Verify(release::VerifyArgs),
    Diff(release::DiffArgs),
    Validate(validate::Args),
    Correct(Box<correct::Args>),
    Search(correct::SearchArgs),
    Eval(eval::Args),
    Schema(schema::Args),
    Reviews(reviews::Args),
    Export(export::Args),
}

/// The most worker threads `-j` takes: more than any machine here has cores, few enough that
/// a typo (`-j 1000000`) cannot spend a minute starting threads.
const MAX_JOBS: usize = 256;

/// `-j N`, for every command that runs over a corpus.
#[derive(clap::Args)]
struct Jobs {
    /// Worker threads, 1 to 256 [default: one per core].
    #[arg(
        short = 'j',
        long = "jobs",
        value_name = "N",
        default_value_t = 0,
        hide_default_value = true,
        value_parser = clap::value_parser!(u16).range(0..=MAX_JOBS as i64),
    )]
    n: u16,
}

impl Jobs {
    fn get(&self) -> usize {
        usize::from(self.n)
    }
}

/// `--format`, for every command with a machine-readable form of its results.
#[derive(Clone, Copy, PartialEq, Eq, Default, clap::ValueEnum)]
enum Format {
    /// For people.
    #[default]
    Text,
    /// JSON on stdout, for other tools.
    Json,
}

/// What a command found, for the exit code.
enum Outcome {
    Ok,
    /// The command ran, and found problems in its input.
    Problems,
}

fn main() -> ExitCode {
    let cli = Cli::parse();
    // Ctrl-C, SIGTERM or SIGHUP: what this run was writing aside (a release's build folder,
    // a file not yet renamed into place) is removed before exiting, so an interrupted run
    // leaves nothing. A run killed outright leaves it to the next run's sweep.
    let _ = ctrlc::set_handler(|| {
        let n = claimset::remove_unfinished();
        eprintln!(
            "claimset: interrupted; removed {} of this run",
            claimset::count(n as u64, "unfinished file")
        );
        std::process::exit(2);
    });
    let quiet = cli.quiet;
    let result = match cli.command {
        Command::Extract(args) => extract::run(&args, quiet),
        Command::Release(args) => release::release(&args, quiet),
        Command::Verify(args) => release::verify(&args, quiet),
        Command::Diff(args) => release::diff(&args),
        Command::Validate(args) => validate::run(&args, quiet),
        Command::Correct(args) => correct::run(&args, quiet),
        Command::Search(args) => correct::search(&args, quiet),
        Command::Eval(args) => eval::run(&args, quiet),
        Command::Schema(args) => schema::run(&args),
        Command::Reviews(args) => reviews::run(&args, quiet),
        Command::Export(args) => export::run(&args),
    };
    match result {
        Ok(Outcome::Ok) => ExitCode::SUCCESS,
        Ok(Outcome::Problems) => ExitCode::from(1),
        Err(e) => {
            eprintln!("error: {e}");
            for cause in e.chain().skip(1) {
                eprintln!("  caused by: {cause}");
            }
            ExitCode::from(2)
        }
    }
}

/// Prints `value` as pretty JSON on stdout.
fn print_json<T: serde::Serialize>(value: &T) -> anyhow::Result<()> {
    use std::io::Write;
    let mut out = std::io::stdout().lock();
    serde_json::to_writer_pretty(&mut out, value)?;
    writeln!(out)?;
    Ok(())
}

#[cfg(test)]
mod tests {
    use clap::CommandFactory;

    /// clap checks the definitions (unique names, valid defaults) only in debug builds and
    /// only for the subcommand being parsed; this checks every one.
    #[test]
    fn command_line_definitions_are_consistent() {
        super::Cli::command().debug_assert();
    }
}
