//! Claim-date resolution: the day a claim was made, from time expressions in its attribution
//! (`on Saturday`, `last month`, `Jan. 5`) read against the article's date.
//!
//! Claims are made before they are reported, so a weekday or a day without a year is the
//! latest such day on or before the article date. Expressions less precise than a day give
//! the first day of their week, month or year and say so in the precision.

use chrono::{Datelike, Days, Months, NaiveDate, Weekday};

use crate::record::{DateBasis, DatePrecision};

use super::document::Doc;
use super::lexicon;

/// A resolved claim date.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) struct ClaimDate {
    pub(crate) date: NaiveDate,
    pub(crate) basis: DateBasis,
    pub(crate) precision: DatePrecision,
}

impl ClaimDate {
    fn text(date: NaiveDate, precision: DatePrecision) -> Self {
        ClaimDate {
            date,
            basis: DateBasis::Text,
            precision,
        }
    }
}

/// The claim date from the time expressions in the attribution's words (`frame`, never the
/// claim's own) and in the words before it in its sentence (`before`), preferring the one
/// nearest the cue at `cue`. Outside the frame, a bare year (`in 2018`) counts only when it
/// opens the sentence (`In 2012, he …`) or the cue is a participle: `Since its first report
/// in 2018, Marcoux says …` does not date the claim to 2018.
pub(crate) fn resolve(
    doc: &Doc<'_>,
    frame: &[usize],
    before: &[usize],
    participle: bool,
    cue: usize,
    article: NaiveDate,
) -> ClaimDate {
    let mut best: Option<(usize, ClaimDate)> = None;
    for (tokens, in_frame) in [(frame, true), (before, false)] {
        for (n, &t) in tokens.iter().enumerate() {
            let Some(found) = expression_at(doc, tokens, n, article) else {
                continue;
            };
            let bare_year = doc.s(t).len() == 4 && doc.s(t).bytes().all(|b| b.is_ascii_digit());
            let opens_sentence = opening_phrase(doc, t);
            if found.date > article || (!in_frame && bare_year && !participle && !opens_sentence) {
                continue;
            }
            let distance = t.abs_diff(cue);
            if best.as_ref().is_none_or(|(d, _)| distance < *d) {
                best = Some((distance, found));
            }
        }
    }
    best.map_or(
        ClaimDate {
            date: article,
            basis: DateBasis::Article,
            precision: DatePrecision::Day,
        },
        |(_, d)| d,
    )
}

/// Whether token `t` lies in a sentence's opening phrase of time or place (`In 2012, …`, `At
/// a rally in 2015, however, …`), which sets the time of what follows; an event clause
/// (`Since releasing its first report in 2018, …`) does not.
fn opening_phrase(doc: &Doc<'_>, t: usize) -> bool {
    let sent = doc.sent(t);
    let first = doc.lo(sent.start);
    let comma_after = (t..sent.end).find(|&k| doc.is_punct(k, ","));
    let comma_before = (sent.start..t).any(|k| doc.is_punct(k, ","));
    matches!(first, "in" | "at" | "during" | "on") && comma_after.is_some() && !comma_before
}

/// A time expression starting at `tokens[n]`, if any.
fn expression_at(
    doc: &Doc<'_>,
    tokens: &[usize],
    n: usize,
    article: NaiveDate,
) -> Option<ClaimDate> {
    let word = |k: usize| -> &str {
        // Adjacent in the text, not merely in the filtered list.
        match tokens.get(k) {
            Some(&t) if k == n || t == tokens[k - 1] + 1 => doc.lo(t),
            _ => "",
        }
    };
    let w = word(n);
    let prev = if n > 0 && tokens[n - 1] + 1 == tokens[n] {
        doc.lo(tokens[n - 1])
    } else {
        ""
    };
    // `on Sunday's program`: a possessive weekday dates what it owns.
    if let Some(day) = lexicon::weekday(w.strip_suffix("'s").unwrap_or(w)) {
        if prev == "next" {
            return None;
        }
        let strictly_before = prev == "last";
        return Some(ClaimDate::text(
            last_weekday(article, day, strictly_before),
            DatePrecision::Day,
        ));
    }
    match (w, word(n + 1)) {
        ("yesterday", _) | ("last", "night") => {
            return Some(ClaimDate::text(
                article.checked_sub_days(Days::new(1))?,
                DatePrecision::Day,
            ));
        }
        ("today" | "tonight", _) | ("this", "morning" | "afternoon" | "evening") => {
            return Some(ClaimDate::text(article, DatePrecision::Day));
        }
        ("last", "week") => {
            let monday = week_start(article).checked_sub_days(Days::new(7))?;
            return Some(ClaimDate::text(monday, DatePrecision::Week));
        }
        ("this", "week") => return Some(ClaimDate::text(week_start(article), DatePrecision::Week)),
        ("last", "month") => {
            let first = article.with_day(1)?.checked_sub_months(Months::new(1))?;
            return Some(ClaimDate::text(first, DatePrecision::Month));
        }
        ("this", "month") => {
            return Some(ClaimDate::text(article.with_day(1)?, DatePrecision::Month));
        }
        ("last", "year") => {
            return Some(ClaimDate::text(
                NaiveDate::from_ymd_opt(article.year() - 1, 1, 1)?,
                DatePrecision::Year,
            ));
        }
        ("this", "year") => {
            return Some(ClaimDate::text(
                NaiveDate::from_ymd_opt(article.year(), 1, 1)?,
                DatePrecision::Year,
            ));
        }
        _ => {}
    }
    // `three days ago`, `2 weeks ago`
    if word(n + 2) == "ago"
        && let Some(k) = small_number(w)
    {
        return match word(n + 1) {
            "day" | "days" => Some(ClaimDate::text(
                article.checked_sub_days(Days::new(k))?,
                DatePrecision::Day,
            )),
            "week" | "weeks" => Some(ClaimDate::text(
                week_start(article.checked_sub_days(Days::new(7 * k))?),
                DatePrecision::Week,
            )),
            _ => None,
        };
    }
    if let Some(m) = lexicon::month(w) {
        if w == "may" && !doc.cap(tokens[n]) {
            return None;
        }
        // `Jan. 5`, `January 5, 2022`
        if let Some(d) = day_number(word(n + 1)) {
            let year = year_number(word(n + 2)).or_else(|| {
                if word(n + 2) == "," {
                    year_number(word(n + 3))
                } else {
                    None
                }
            });
            return day_of(article, year, m, d);
        }
        // `in January`, `last March`, `in January 2021`
        if matches!(prev, "in" | "last" | "early" | "late" | "mid") {
            let year = year_number(word(n + 1));
            let first = match year {
                Some(y) => NaiveDate::from_ymd_opt(y, m, 1)?,
                None => {
                    let this_year = NaiveDate::from_ymd_opt(article.year(), m, 1)?;
                    if this_year > article
                        || (prev == "last" && this_year.month() == article.month())
                    {
                        NaiveDate::from_ymd_opt(article.year() - 1, m, 1)?
                    } else {
                        this_year
                    }
                }
            };
            return Some(ClaimDate::text(first, DatePrecision::Month));
        }
        return None;
    }
    // `5 January 2022`
    if let Some(d) = day_number(w)
        && let Some(m) = lexicon::month(word(n + 1))
    {
        return day_of(article, year_number(word(n + 2)), m, d);
    }
    // `in mid-March`, `early-April`: a month with its part, as one word.
    if let Some((part, month)) = w.split_once('-')
        && matches!(part, "mid" | "early" | "late")
        && let Some(m) = lexicon::month(month)
    {
        let this_year = NaiveDate::from_ymd_opt(article.year(), m, 1)?;
        let first = if this_year > article {
            NaiveDate::from_ymd_opt(article.year() - 1, m, 1)?
        } else {
            this_year
        };
        return Some(ClaimDate::text(first, DatePrecision::Month));
    }
    // `in a 2018 memo`, `the 2016 debate`: a year naming when a document or event was.
    if let Some(y) = year_number(w)
        && y <= article.year()
        && (lexicon::is_document_head(word(n + 1)) || lexicon::is_event_noun(word(n + 1)))
    {
        return Some(ClaimDate::text(
            NaiveDate::from_ymd_opt(y, 1, 1)?,
            DatePrecision::Year,
        ));
    }
    // `in 2015`
    if prev == "in"
        && let Some(y) = year_number(w)
        && y <= article.year()
    {
        return Some(ClaimDate::text(
            NaiveDate::from_ymd_opt(y, 1, 1)?,
            DatePrecision::Year,
        ));
    }
    None
}

fn day_of(article: NaiveDate, year: Option<i32>, month: u32, day: u32) -> Option<ClaimDate> {
    let date = match year {
        Some(y) => NaiveDate::from_ymd_opt(y, month, day)?,
        None => {
            let d = NaiveDate::from_ymd_opt(article.year(), month, day)?;
            if d > article {
                NaiveDate::from_ymd_opt(article.year() - 1, month, day)?
            } else {
                d
            }
        }
    };
    Some(ClaimDate::text(date, DatePrecision::Day))
}

/// The latest `day` on or before `date` (strictly before for `last Monday`).
fn last_weekday(date: NaiveDate, day: Weekday, strictly_before: bool) -> NaiveDate {
    let mut back = (7 + date.weekday().num_days_from_monday() - day.num_days_from_monday()) % 7;
    if back == 0 && strictly_before {
        back = 7;
    }
    date - Days::new(u64::from(back))
}

fn week_start(date: NaiveDate) -> NaiveDate {
    date - Days::new(u64::from(date.weekday().num_days_from_monday()))
}

fn day_number(w: &str) -> Option<u32> {
    let w = w.trim_end_matches(['s', 't', 'n', 'd', 'r', 'h']);
    let d: u32 = w.parse().ok()?;
    (1..=31).contains(&d).then_some(d)
}

fn year_number(w: &str) -> Option<i32> {
    if w.len() != 4 {
        return None;
    }
    let y: i32 = w.parse().ok()?;
    (1800..=2200).contains(&y).then_some(y)
}

fn small_number(w: &str) -> Option<u64> {
    Some(match w {
        "a" | "one" => 1,
        "two" => 2,
        "three" => 3,
        "four" => 4,
        "five" => 5,
        "six" => 6,
        "seven" => 7,
        "eight" => 8,
        "nine" => 9,
        "ten" => 10,
        _ => return w.parse().ok().filter(|n| (1..=60).contains(n)),
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    fn date_in(text: &str, article: NaiveDate) -> ClaimDate {
        let doc = Doc::new(text);
        let tokens: Vec<usize> = (0..doc.toks.len()).collect();
        resolve(&doc, &tokens, &[], false, 0, article)
    }

    fn ymd(y: i32, m: u32, d: u32) -> NaiveDate {
        NaiveDate::from_ymd_opt(y, m, d).expect("valid test date")
    }

    #[test]
    fn weekdays_resolve_backwards_from_the_article_date() {
        // 2022-02-01 is a Tuesday.
        let article = ymd(2022, 2, 1);
        assert_eq!(date_in("on Saturday", article).date, ymd(2022, 1, 29));
        assert_eq!(date_in("on Tuesday", article).date, ymd(2022, 2, 1));
        assert_eq!(date_in("last Tuesday", article).date, ymd(2022, 1, 25));
        assert_eq!(date_in("on Saturday", article).basis, DateBasis::Text);
    }

    #[test]
    fn explicit_and_relative_dates() {
        let article = ymd(2022, 2, 1);
        assert_eq!(date_in("on Jan. 5", article).date, ymd(2022, 1, 5));
        assert_eq!(date_in("on Dec. 30", article).date, ymd(2021, 12, 30));
        assert_eq!(date_in("March 3, 2020", article).date, ymd(2020, 3, 3));
        assert_eq!(date_in("yesterday", article).date, ymd(2022, 1, 31));
        let m = date_in("late last month", article);
        assert_eq!(
            (m.date, m.precision),
            (ymd(2022, 1, 1), DatePrecision::Month)
        );
        let w = date_in("last week", article);
        assert_eq!(
            (w.date, w.precision),
            (ymd(2022, 1, 24), DatePrecision::Week)
        );
        let y = date_in("in 2015", article);
        assert_eq!(
            (y.date, y.precision),
            (ymd(2015, 1, 1), DatePrecision::Year)
        );
    }

    #[test]
    fn no_expression_defaults_to_the_article_date() {
        let article = ymd(2022, 2, 1);
        let d = date_in("he said in a statement", article);
        assert_eq!((d.date, d.basis), (article, DateBasis::Article));
        // A future day is not when a claim was made.
        assert_eq!(date_in("next Friday", article).basis, DateBasis::Article);
    }

    #[test]
    fn possessive_weekdays_months_in_parts_and_dated_documents() {
        let article = ymd(2022, 2, 1);
        assert_eq!(
            date_in("told CNN on Sunday's program", article).date,
            ymd(2022, 1, 30)
        );
        let m = date_in("in mid-March", article);
        assert_eq!(
            (m.date, m.precision),
            (ymd(2021, 3, 1), DatePrecision::Month)
        );
        let y = date_in("in a 2018 memo", article);
        assert_eq!(
            (y.date, y.precision),
            (ymd(2018, 1, 1), DatePrecision::Year)
        );
        // A year that dates something else says nothing of when the claim was made.
        assert_eq!(
            date_in("2018 was a hard year", article).basis,
            DateBasis::Article
        );
    }
}
