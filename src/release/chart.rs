//! The card's chart: claims per month as an SVG bar chart, drawn by `plotters` into a string.
//!
//! `plotters`' SVG backend writes text as `<text>` elements and, with no font feature enabled,
//! lays labels out from an estimate of their width instead of a system font's metrics: the
//! same counts give the same bytes on every machine.

use plotters::prelude::*;

/// The chart's size in pixels: wide enough for a year of labelled months.
const SIZE: (u32, u32) = (720, 300);
/// The bars' colour (a muted blue that reads on light and dark pages).
const BAR: RGBColor = RGBColor(0x3b, 0x6e, 0xa5);
/// Grid and axis text.
const INK: RGBColor = RGBColor(0x44, 0x44, 0x44);

/// One bar: its label (`2022-01`) and how many claims it counts.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(super) struct Bar {
    pub(super) label: String,
    pub(super) count: u64,
}

/// An SVG bar chart of `bars`, in order, titled `title`.
pub(super) fn bar_chart(title: &str, bars: &[Bar]) -> String {
    let mut svg = String::new();
    {
        let root = SVGBackend::with_string(&mut svg, SIZE).into_drawing_area();
        draw(&root, title, bars).expect("drawing into a string cannot fail");
        root.present().expect("drawing into a string cannot fail");
    }
    svg.push('\n');
    svg
}

fn draw(
    root: &DrawingArea<SVGBackend<'_>, plotters::coord::Shift>,
    title: &str,
    bars: &[Bar],
) -> Result<(), DrawingAreaErrorKind<std::io::Error>> {
    root.fill(&WHITE)?;
    // plotters' integer ranges are inclusive: `0..last` holds one segment per bar.
    let last = u32::try_from(bars.len().saturating_sub(1)).unwrap_or(u32::MAX);
    let top = bars.iter().map(|b| b.count).max().unwrap_or(0);
    // Head room above the tallest bar, so that it does not touch the frame.
    let y_max = top + top / 8 + 1;
    let mut chart = ChartBuilder::on(root)
        .caption(title, ("sans-serif", 18).into_font().color(&INK))
        .margin(12)
        .x_label_area_size(28)
        .y_label_area_size(64)
        .build_cartesian_2d((0..last).into_segmented(), 0..y_max)?;
    // At most about twelve month labels, evenly spaced, so that they never overlap.
    let step = (bars.len() / 12 + 1).max(1);
    let label = |v: &SegmentValue<u32>| match v {
        SegmentValue::CenterOf(i) | SegmentValue::Exact(i) => {
            let i = *i as usize;
            if i.is_multiple_of(step) {
                bars.get(i).map(|b| b.label.clone()).unwrap_or_default()
            } else {
                String::new()
            }
        }
        SegmentValue::Last => String::new(),
    };
    chart
        .configure_mesh()
        .disable_x_mesh()
        .bold_line_style(INK.mix(0.15))
        .light_line_style(TRANSPARENT)
        .axis_style(INK.mix(0.6))
        .x_labels(bars.len().max(1))
        .x_label_formatter(&label)
        .y_labels(5)
        .y_label_formatter(&|v| thousands(*v))
        .y_desc("claims")
        .label_style(("sans-serif", 14).into_font().color(&INK))
        .draw()?;
    // One series per bar, in order: a histogram sums its data in a hash map and draws it in
    // that map's order, which changes from run to run; with one bar each, the order is ours.
    for (i, b) in bars.iter().enumerate() {
        chart.draw_series(
            Histogram::vertical(&chart)
                .style(BAR.filled())
                .margin(2)
                .data([(u32::try_from(i).unwrap_or(u32::MAX), b.count)]),
        )?;
    }
    Ok(())
}

/// `12,345`.
pub(super) fn thousands(n: u64) -> String {
    let digits = n.to_string();
    let mut out = String::new();
    for (i, c) in digits.chars().enumerate() {
        if i > 0 && (digits.len() - i).is_multiple_of(3) {
            out.push(',');
        }
        out.push(c);
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    fn bars(counts: &[u64]) -> Vec<Bar> {
        counts
            .iter()
            .enumerate()
            .map(|(i, &count)| Bar {
                label: format!("2020-{:02}", i + 1),
                count,
            })
            .collect()
    }

    #[test]
    fn the_same_counts_give_the_same_bytes() {
        let counts = [3, 0, 7, 12, 5, 9, 1, 4, 8, 2, 6, 11];
        let a = bar_chart("Claims per month", &bars(&counts));
        for _ in 0..8 {
            assert_eq!(a, bar_chart("Claims per month", &bars(&counts)));
        }
        assert!(a.starts_with("<svg"), "{}", &a[..80]);
        assert!(a.contains("2020-03"), "month labels are drawn");
        assert!(!a.contains("NaN"));
    }

    #[test]
    fn no_months_still_draws_an_empty_chart() {
        let svg = bar_chart("Claims per month", &[]);
        assert!(svg.starts_with("<svg"));
    }
}
