//! One sort for the whole crate. Every call of a generic sort is its own copy of the sort in the
//! wasm (each closure is a type of its own): twenty copies were 140 KB of our 700 KB of code, and
//! V8 compiles each one, on the main thread, when the first analysis first reaches it. Sorting
//! indices through one comparator keeps a single copy; `clippy.toml` keeps the slice sorts out.

use std::cmp::Ordering;

/// Up to this many items, an insertion sort in place.
const INSERTION_SORT_MAX: usize = 16;

/// Sorts `items` stably by `order`, as `slice::sort_by` does.
pub fn sort_by<T>(items: &mut [T], order: impl Fn(&T, &T) -> Ordering) {
    if items.len() <= INSERTION_SORT_MAX {
        // A few items (a phrase's occurrences, three candidate frames): no allocation, little code.
        for i in 1..items.len() {
            let mut j = i;
            while j > 0 && order(&items[j - 1], &items[j]) == Ordering::Greater {
                items.swap(j - 1, j);
                j -= 1;
            }
        }
        return;
    }
    let mut sorted: Vec<usize> = (0..items.len()).collect();
    sort_indices(&mut sorted, &|a, b| order(&items[a], &items[b]));
    // Position i takes the item first at `sorted[i]`: walk each cycle of that permutation once,
    // swapping the next item in and marking each position done (`sorted[i] = i`).
    for start in 0..items.len() {
        let mut at = start;
        while sorted[at] != at {
            let from = std::mem::replace(&mut sorted[at], at);
            if from != start {
                items.swap(at, from);
            }
            at = from;
        }
    }
}

/// Sorts `items` stably by `key`, as `slice::sort_by_key` does.
pub fn sort_by_key<T, K: Ord>(items: &mut [T], key: impl Fn(&T) -> K) {
    sort_by(items, |a, b| key(a).cmp(&key(b)));
}

#[allow(clippy::disallowed_methods)] // the one place the slice sort is instantiated
#[inline(never)]
fn sort_indices(indices: &mut [usize], order: &dyn Fn(usize, usize) -> Ordering) {
    indices.sort_by(|&a, &b| order(a, b));
}

#[cfg(test)]
#[allow(clippy::disallowed_methods)] // the slice sorts are the reference
mod tests {
    use super::*;

    #[test]
    fn sorts_stably_as_the_slice_sorts_do() {
        // Pseudo-random keys with many ties, in lengths around the sorts' small-input cut-offs.
        let mut seed = 7u64;
        for len in [0, 1, 2, 3, 5, 8, 17, 20, 33, 64, 100, 1000] {
            let items: Vec<(u64, usize)> = (0..len)
                .map(|i| {
                    seed = seed.wrapping_mul(6364136223846793005).wrapping_add(1442695040888963407);
                    (seed >> 60, i)
                })
                .collect();
            let (mut ours, mut reference) = (items.clone(), items.clone());
            sort_by_key(&mut ours, |&(k, _)| k);
            reference.sort_by_key(|&(k, _)| k);
            assert_eq!(ours, reference, "by key, {len} items");
            let (mut ours, mut reference) = (items.clone(), items);
            sort_by(&mut ours, |a, b| b.0.cmp(&a.0));
            reference.sort_by_key(|&(k, _)| std::cmp::Reverse(k));
            assert_eq!(ours, reference, "reversed, {len} items");
        }
    }
}
