//! Lexical retrieval over reviews: an index of each review's words (claim, headline,
//! claimant), BM25 over them, and the text statistics the re-ranker's features read.
//!
//! Everything here is a pure function of the reviews given: no model, no download. Sums
//! run in a fixed order (query terms sorted), so scores are the same bytes on every run.

use rustc_hash::{FxHashMap, FxHashSet};

use super::ReviewRecord;
use super::text;

/// BM25's parameters, the usual ones: no tuning on any evaluation split.
const K1: f64 = 1.2;
const B: f64 = 0.75;

/// One field's BM25 postings.
#[derive(Debug, Default)]
struct Field {
    /// Term id → (document, term frequency), in document order.
    postings: Vec<Vec<(u32, u32)>>,
    lengths: Vec<u32>,
    average: f64,
}

impl Field {
    fn build(docs: &[Vec<u32>], vocab_len: usize) -> Self {
        let mut postings = vec![Vec::new(); vocab_len];
        let mut lengths = Vec::with_capacity(docs.len());
        for (d, terms) in docs.iter().enumerate() {
            lengths.push(terms.len() as u32);
            let mut sorted = terms.clone();
            sorted.sort_unstable();
            for run in sorted.chunk_by(|a, b| a == b) {
                postings[run[0] as usize].push((d as u32, run.len() as u32));
            }
        }
        let total: u64 = lengths.iter().map(|&l| u64::from(l)).sum();
        let average = (total as f64 / docs.len().max(1) as f64).max(1.0);
        Field {
            postings,
            lengths,
            average,
        }
    }

    /// Scores of every document for a query of distinct term ids, sorted.
    fn scores(&self, query: &[u32], idf: &[f64]) -> Vec<f64> {
        let mut out = vec![0.0; self.lengths.len()];
        for &t in query {
            let Some(list) = self.postings.get(t as usize) else {
                continue;
            };
            let w = idf[t as usize];
            for &(d, tf) in list {
                let tf = f64::from(tf);
                let norm = 1.0 - B + B * f64::from(self.lengths[d as usize]) / self.average;
                out[d as usize] += w * tf * (K1 + 1.0) / (tf + K1 * norm);
            }
        }
        out
    }
}

/// What the features read of one review.
#[derive(Debug, Default)]
pub(crate) struct Doc {
    /// Distinct term ids of claim, headline and claimant, sorted.
    pub(crate) terms: Vec<u32>,
    /// Term count of claim, headline and claimant.
    pub(crate) length: usize,
    /// Adjacent term pairs within the claim and within the headline, sorted, distinct.
    pub(crate) bigrams: Vec<u64>,
    /// Character 4-gram TF-IDF vector, L2-normalised, sorted by gram.
    pub(crate) grams: Vec<(u32, f64)>,
    /// Numbers written in claim and headline.
    pub(crate) numbers: Vec<String>,
    /// Capitalised words (names, mostly), lowercased, sorted, distinct.
    pub(crate) capitals: Vec<String>,
}

/// An index of reviews.
#[derive(Debug, Default)]
pub(crate) struct Index {
    vocab: FxHashMap<String, u32>,
    /// The reviews' words as written (lowercase, unstemmed): what a tag in one case may be
    /// split into.
    surface: FxHashSet<String>,
    idf: Vec<f64>,
    all: Field,
    claim: Field,
    title: Field,
    gram_df: FxHashMap<u32, u32>,
    /// Texts counted for idf: reviews and background.
    total: f64,
    pub(crate) docs: Vec<Doc>,
}

/// A claim made ready to score against an index.
#[derive(Debug, Default)]
pub(crate) struct Query {
    /// Distinct known term ids, sorted.
    pub(crate) terms: Vec<u32>,
    /// Distinct terms, known or not, for the share of the query's weight matched.
    pub(crate) weight: f64,
    pub(crate) bigrams: Vec<u64>,
    pub(crate) grams: Vec<(u32, f64)>,
    pub(crate) numbers: Vec<String>,
    pub(crate) capitals: Vec<String>,
    /// Term ids of who made the claim (its claimant, a post's signer), distinct, sorted.
    pub(crate) name_terms: Vec<u32>,
    /// How many distinct name terms there are, known or not.
    pub(crate) name_count: usize,
}

fn bigrams(terms: &[u32], out: &mut Vec<u64>) {
    out.extend(
        terms
            .windows(2)
            .map(|w| (u64::from(w[0]) << 32) | u64::from(w[1])),
    );
}

fn sorted_distinct<T: Ord>(mut v: Vec<T>) -> Vec<T> {
    v.sort_unstable();
    v.dedup();
    v
}

/// Capitalised words: a capital then a lowercase letter (`Trump`, not `NATO` or `I`).
pub(crate) fn capitals(s: &str) -> Vec<String> {
    let mut out = Vec::new();
    for w in s.split(|c: char| !c.is_alphanumeric()) {
        let mut cs = w.chars();
        if let (Some(a), Some(b)) = (cs.next(), cs.next())
            && a.is_uppercase()
            && b.is_lowercase()
        {
            out.push(w.to_lowercase());
        }
    }
    sorted_distinct(out)
}

impl Index {
    /// Indexes reviews, in the order given. Word and n-gram rarity (idf) is counted over the
    /// reviews and the `background` texts (the claims being matched): a folder of ten reviews
    /// alone would make every word of a claim look rare, or unknown.
    pub(crate) fn build(reviews: &[ReviewRecord], background: &[&str]) -> Self {
        let mut vocab: FxHashMap<String, u32> = FxHashMap::default();
        let mut id_of = |t: String| -> u32 {
            let n = vocab.len() as u32;
            *vocab.entry(t).or_insert(n)
        };
        let mut claim_docs = Vec::with_capacity(reviews.len());
        let mut title_docs = Vec::with_capacity(reviews.len());
        let mut all_docs = Vec::with_capacity(reviews.len());
        let mut docs = Vec::with_capacity(reviews.len());
        let mut gram_counts = Vec::with_capacity(reviews.len());
        let mut surface = FxHashSet::default();
        for r in reviews {
            let title = r.title.as_deref().unwrap_or("");
            let claimant = r.claimant.as_deref().unwrap_or("");
            for text in [r.claim_reviewed.as_str(), title, claimant] {
                surface.extend(text::words(text));
            }
            let c: Vec<u32> = text::terms(&r.claim_reviewed)
                .into_iter()
                .map(&mut id_of)
                .collect();
            let t: Vec<u32> = text::terms(title).into_iter().map(&mut id_of).collect();
            let n: Vec<u32> = text::terms(claimant).into_iter().map(&mut id_of).collect();
            let mut all = c.clone();
            all.extend(&t);
            all.extend(&n);
            let mut bg = Vec::new();
            bigrams(&c, &mut bg);
            bigrams(&t, &mut bg);
            let joined = format!("{} {title}", r.claim_reviewed);
            let mut grams = text::char_grams(&format!("{joined} {claimant}"));
            grams.sort_unstable();
            gram_counts.push(grams);
            docs.push(Doc {
                terms: sorted_distinct(all.clone()),
                length: all.len(),
                bigrams: sorted_distinct(bg),
                grams: Vec::new(),
                numbers: text::numbers(&joined),
                capitals: capitals(&format!("{joined} {claimant}")),
            });
            claim_docs.push(c);
            title_docs.push(t);
            all_docs.push(all);
        }
        let mut background_terms = Vec::with_capacity(background.len());
        for b in background {
            let cleaned = text::clean_with(b, &|w| surface.contains(w));
            let t: Vec<u32> = text::terms(&cleaned.text)
                .into_iter()
                .chain(text::terms(&cleaned.signers.join(" ")))
                .map(&mut id_of)
                .collect();
            background_terms.push(sorted_distinct(t));
            let mut grams = text::char_grams(&cleaned.text);
            grams.sort_unstable();
            gram_counts.push(grams);
        }
        let v = vocab.len();
        let all = Field::build(&all_docs, v);
        let total = (reviews.len() + background.len()) as f64;
        let mut df = vec![0u32; v];
        for terms in docs.iter().map(|d| &d.terms).chain(&background_terms) {
            for &t in terms {
                df[t as usize] += 1;
            }
        }
        let idf = df.iter().map(|&d| bm25_idf(total, f64::from(d))).collect();
        let mut gram_df: FxHashMap<u32, u32> = FxHashMap::default();
        for g in &gram_counts {
            for run in g.chunk_by(|a, b| a == b) {
                *gram_df.entry(run[0]).or_default() += 1;
            }
        }
        gram_counts.truncate(reviews.len());
        let mut index = Index {
            vocab,
            surface,
            idf,
            all,
            claim: Field::build(&claim_docs, v),
            title: Field::build(&title_docs, v),
            gram_df,
            total,
            docs,
        };
        for (d, g) in gram_counts.iter().enumerate() {
            index.docs[d].grams = index.gram_vector(g);
        }
        index
    }

    /// Number of reviews.
    pub(crate) fn len(&self) -> usize {
        self.docs.len()
    }

    /// A TF-IDF vector of sorted gram hashes, L2-normalised.
    fn gram_vector(&self, sorted: &[u32]) -> Vec<(u32, f64)> {
        let n = self.total.max(1.0);
        let mut v: Vec<(u32, f64)> = sorted
            .chunk_by(|a, b| a == b)
            .map(|run| {
                let df = f64::from(self.gram_df.get(&run[0]).copied().unwrap_or(0));
                (run[0], run.len() as f64 * ((n / (1.0 + df)).ln() + 1.0))
            })
            .collect();
        let norm = v.iter().map(|(_, x)| x * x).sum::<f64>().sqrt();
        if norm > 0.0 {
            for (_, x) in &mut v {
                *x /= norm;
            }
        }
        v
    }

    /// The idf of a term id.
    pub(crate) fn idf(&self, t: u32) -> f64 {
        self.idf[t as usize]
    }

    /// A claim's text and the names of who made it, as a query.
    pub(crate) fn query(&self, claim_text: &str, names: &[String]) -> Query {
        let cleaned = text::clean_with(claim_text, &|w| self.surface.contains(w));
        let mut all_names: Vec<String> = names.to_vec();
        all_names.extend(cleaned.signers.iter().cloned());
        let names_text = all_names.join(" ");
        let body_terms = text::terms(&cleaned.text);
        let name_terms = text::terms(&names_text);
        let n = self.total;
        let mut distinct: Vec<&String> = body_terms.iter().chain(&name_terms).collect();
        distinct.sort_unstable();
        distinct.dedup();
        let weight = distinct
            .iter()
            .map(|t| {
                self.vocab
                    .get(*t)
                    .map_or(bm25_idf(n, 0.0), |&i| self.idf(i))
            })
            .sum();
        let ids = |ts: &[String]| -> Vec<Option<u32>> {
            ts.iter().map(|t| self.vocab.get(t).copied()).collect()
        };
        let body_ids = ids(&body_terms);
        let mut bg = Vec::new();
        for w in body_ids.windows(2) {
            if let (Some(a), Some(b)) = (w[0], w[1]) {
                bg.push((u64::from(a) << 32) | u64::from(b));
            }
        }
        let known_names: Vec<u32> = ids(&name_terms).into_iter().flatten().collect();
        let terms: Vec<u32> = body_ids
            .iter()
            .flatten()
            .copied()
            .chain(known_names.iter().copied())
            .collect();
        let full = format!("{} {names_text}", cleaned.text);
        let mut grams = text::char_grams(&full);
        grams.sort_unstable();
        Query {
            terms: sorted_distinct(terms),
            weight,
            bigrams: sorted_distinct(bg),
            grams: self.gram_vector(&grams),
            numbers: text::numbers(&cleaned.text),
            capitals: capitals(&full),
            name_count: sorted_distinct(name_terms).len(),
            name_terms: sorted_distinct(known_names),
        }
    }

    /// BM25 over claim, headline and claimant together; the claim alone; the headline alone.
    pub(crate) fn scores(&self, q: &Query) -> [Vec<f64>; 3] {
        [
            self.all.scores(&q.terms, &self.idf),
            self.claim.scores(&q.terms, &self.idf),
            self.title.scores(&q.terms, &self.idf),
        ]
    }
}

/// BM25's idf, kept positive for terms in most documents.
fn bm25_idf(n: f64, df: f64) -> f64 {
    (1.0 + (n - df + 0.5) / (df + 0.5)).ln()
}

/// Size of the intersection of two sorted, distinct slices.
pub(crate) fn overlap<T: Ord>(left: &[T], right: &[T]) -> usize {
    let (mut i, mut j, mut n) = (0, 0, 0);
    while i < left.len() && j < right.len() {
        match left[i].cmp(&right[j]) {
            std::cmp::Ordering::Less => i += 1,
            std::cmp::Ordering::Greater => j += 1,
            std::cmp::Ordering::Equal => {
                n += 1;
                i += 1;
                j += 1;
            }
        }
    }
    n
}

/// Dot product of two sparse vectors sorted by key.
pub(crate) fn dot(left: &[(u32, f64)], right: &[(u32, f64)]) -> f64 {
    let (mut i, mut j, mut sum) = (0, 0, 0.0);
    while i < left.len() && j < right.len() {
        match left[i].0.cmp(&right[j].0) {
            std::cmp::Ordering::Less => i += 1,
            std::cmp::Ordering::Greater => j += 1,
            std::cmp::Ordering::Equal => {
                sum += left[i].1 * right[j].1;
                i += 1;
                j += 1;
            }
        }
    }
    sum
}
