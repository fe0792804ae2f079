//! The `claimset` command: parses arguments, calls the library, prints, and maps the result
//! to an exit code (0 ok, 1 problems found in the input, 2 could not run).

#![allow(clippy::print_stderr, clippy::print_stdout)]

mod correct;
mod eval;
mod extract;
mod progress;
mod release;
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
#[derive(Parser)]
#[command(version, about, propagate_version = true)]
struct Cli {
    #[command(subcommand)]
    command: Command,
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
}

/// `-j N`, for every command that runs over a corpus.
#[derive(clap::Args)]
struct Jobs {
    /// Worker threads [default: one per core].
    #[arg(
        short = 'j',
        long = "jobs",
        value_name = "N",
        default_value_t = 0,
        hide_default_value = true
    )]
    n: usize,
}

/// What a command found, for the exit code.
enum Outcome {
    Ok,
    /// The command ran, and found problems in its input.
    Problems,
}

fn main() -> ExitCode {
    let cli = Cli::parse();
    let result = match cli.command {
        Command::Extract(args) => extract::run(&args),
        Command::Release(args) => release::release(&args),
        Command::Verify(args) => release::verify(&args),
        Command::Diff(args) => release::diff(&args),
        Command::Validate(args) => validate::run(&args),
        Command::Correct(args) => correct::run(&args),
        Command::Search(args) => correct::search(&args),
        Command::Eval(args) => eval::run(&args),
        Command::Schema(args) => schema::run(&args),
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
