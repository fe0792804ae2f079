//! Timing shared by the benches: the median of repeated runs after a warm-up.

use std::time::{Duration, Instant};

/// The median wall time of `runs` calls of `f`, after one call to warm caches up.
pub(crate) fn median(runs: usize, mut f: impl FnMut()) -> Duration {
    f();
    let mut times: Vec<Duration> = (0..runs)
        .map(|_| {
            let t = Instant::now();
            f();
            t.elapsed()
        })
        .collect();
    times.sort();
    times[runs / 2]
}
