//! The progress bar of long runs: drawn on stderr from the library's [`Meter`] when stderr
//! is a terminal, absent otherwise (CI logs and pipes stay clean).

use std::io::IsTerminal;
use std::sync::Arc;
use std::sync::atomic::{AtomicBool, Ordering};
use std::thread::JoinHandle;
use std::time::{Duration, Instant};

use claimset::{Input, Meter, input_size};
use indicatif::{ProgressBar, ProgressDrawTarget, ProgressStyle};

/// How often the bar is redrawn.
const TICK: Duration = Duration::from_millis(200);

/// A bar that follows a run's meter until finished.
pub(crate) struct Progress {
    bar: ProgressBar,
    stop: Arc<AtomicBool>,
    painter: Option<JoinHandle<()>>,
}

impl Progress {
    /// Starts a bar over `inputs` when stderr is a terminal and not `quiet`: its length is
    /// the inputs' stored size, so the ETA holds for compressed corpora too.
    pub(crate) fn start(inputs: &[Input], meter: &Arc<Meter>, quiet: bool) -> Self {
        let stop = Arc::new(AtomicBool::new(false));
        if quiet || !std::io::stderr().is_terminal() {
            return Progress {
                bar: ProgressBar::hidden(),
                stop,
                painter: None,
            };
        }
        let total = input_size(inputs);
        let bar = ProgressBar::with_draw_target(total, ProgressDrawTarget::stderr());
        let template = if total.is_some() {
            "{spinner} {elapsed_precise} [{bar:20}] {percent:>3}% · {msg} · ETA {eta}"
        } else {
            "{spinner} {elapsed_precise} {msg}"
        };
        bar.set_style(
            ProgressStyle::with_template(template)
                .expect("the progress template is valid")
                .progress_chars("=> "),
        );
        let painter = {
            let (bar, stop, meter) = (bar.clone(), Arc::clone(&stop), Arc::clone(meter));
            std::thread::Builder::new()
                .name("claimset-progress".into())
                .spawn(move || {
                    let started = Instant::now();
                    while !stop.load(Ordering::Relaxed) {
                        paint(&bar, &meter, started.elapsed());
                        std::thread::sleep(TICK);
                    }
                })
                .ok()
        };
        Progress { bar, stop, painter }
    }

    /// Runs `f` (which prints) with the bar out of the way.
    pub(crate) fn suspend<R>(&self, f: impl FnOnce() -> R) -> R {
        self.bar.suspend(f)
    }

    /// Removes the bar; the summary printed next replaces it.
    pub(crate) fn finish(mut self) {
        self.stop.store(true, Ordering::Relaxed);
        if let Some(p) = self.painter.take() {
            let _ = p.join();
        }
        self.bar.finish_and_clear();
    }
}

#[allow(clippy::cast_precision_loss)]
fn paint(bar: &ProgressBar, meter: &Meter, elapsed: Duration) {
    bar.set_position(meter.input_bytes());
    let secs = elapsed.as_secs_f64().max(1e-3);
    // Short enough for an 80-column terminal: a wrapped bar redraws as a trail of lines.
    bar.set_message(format!(
        "{} articles · {:.1} MB/s",
        meter.articles(),
        meter.text_bytes() as f64 / 1e6 / secs
    ));
    bar.tick();
}
