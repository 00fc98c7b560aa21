//! One sort for the whole crate. Every call of a generic sort is its own copy of the sort in the
//! wasm (each closure is a type of its own): twenty copies were 140 KB of our 700 KB of code, and
//! V8 compiles each one, on the main thread, when the first analysis first reaches it. Sorting
//! indices through one comparator keeps a single copy.

use std::cmp::Ordering;

/// Sorts `items` stably by `order`, as `slice::sort_by` does.
pub fn sort_by<T>(items: &mut Vec<T>, order: impl Fn(&T, &T) -> Ordering) {
    if items.len() < 2 {
        return;
    }
    let mut indices: Vec<usize> = (0..items.len()).collect();
    sort_indices(&mut indices, &|a, b| order(&items[a], &items[b]));
    let mut slots: Vec<Option<T>> = items.drain(..).map(Some).collect();
    items.extend(indices.into_iter().filter_map(|i| slots[i].take()));
}

/// Sorts `items` stably by `key`, as `slice::sort_by_key` does.
pub fn sort_by_key<T, K: Ord>(items: &mut Vec<T>, key: impl Fn(&T) -> K) {
    sort_by(items, |a, b| key(a).cmp(&key(b)));
}

#[inline(never)]
fn sort_indices(indices: &mut [usize], order: &dyn Fn(usize, usize) -> Ordering) {
    indices.sort_by(|&a, &b| order(a, b));
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn sorts_stably_as_the_slice_sorts_do() {
        let items: Vec<(u8, usize)> = [3u8, 1, 2, 1, 3, 0, 2, 1].into_iter().zip(0..).collect();
        let (mut ours, mut std) = (items.clone(), items.clone());
        sort_by_key(&mut ours, |&(k, _)| k);
        std.sort_by_key(|&(k, _)| k);
        assert_eq!(ours, std);
        let (mut ours, mut std) = (items.clone(), items);
        sort_by(&mut ours, |a, b| b.0.cmp(&a.0));
        std.sort_by_key(|&(k, _)| std::cmp::Reverse(k));
        assert_eq!(ours, std);
        let mut empty: Vec<u8> = Vec::new();
        sort_by_key(&mut empty, |&k| k);
        assert!(empty.is_empty());
    }
}
