//! How segments are merged, with a bound. tantivy's log merge policy merges a whole
//! level of similar segments at once, so the last merges of a large build read most of
//! the index through memory-mapped files: at 2 GB of reports the indexer's resident
//! memory reached 1.6 GB, 1.1 GB of it mapped segment files. Here no merge during a
//! build makes a segment of more than [`MERGED_UNITS_AT_MOST`] units, so what a merge
//! maps and holds while the indexing threads hold their own memory is bounded whatever
//! the corpus size. After a large run, [`compact`] merges what is left into segments of
//! up to [`COMPACTED_UNITS_AT_MOST`] units, through the writer's directory, which
//! releases mapped pages as the merges read them (see `released_maps`): a search pays
//! per segment (files to open, term dictionaries, facet columns), and 19 segments cost a
//! 500 MB index about 8 ms more per `rapporteur search` process than 3 to 5 do, 5 about
//! 1 ms more than 2.

use tantivy::indexer::{IndexWriterOptions, MergeCandidate, MergePolicy, NoMergePolicy};
use tantivy::{Index, IndexWriter, SegmentMeta};

use crate::error::Result;

/// The largest segment a merge makes, in units (about 120 MB of reports, 90 MB of index).
/// At 400,000 a 500 MB build peaked at 324 MB resident, at 200,000 at 255 MB, with the
/// same build time and 5 segments instead of 3 (no difference end to end).
pub const MERGED_UNITS_AT_MOST: u32 = 200_000;
/// The largest segment compaction makes, in units (about 300 MB of reports): a 500 MB
/// corpus ends in two segments, one per core of a two-core machine's search.
pub const COMPACTED_UNITS_AT_MOST: u32 = 500_000;
/// Small segments wait until this many can be merged together (fewer, larger merges).
const SEGMENTS_PER_MERGE: usize = 8;
/// Memory for the writer that only merges.
const MERGING_WRITER_MEMORY: usize = 15_000_000;

/// How many merges run at once: one per core. More would not be faster, and each holds
/// its own buffers: at 2 GB (seven groups to compact), tantivy's default of four merge
/// threads took a build's peak to 218 MB in one run and 272 MB in another.
pub fn merges_at_once() -> usize {
    std::thread::available_parallelism().map_or(1, usize::from)
}

/// Merges segments smallest first, in groups that stay under [`MERGED_UNITS_AT_MOST`],
/// once [`SEGMENTS_PER_MERGE`] small segments have gathered.
#[derive(Debug)]
pub struct BoundedMergePolicy;

impl MergePolicy for BoundedMergePolicy {
    fn compute_merge_candidates(&self, segments: &[SegmentMeta]) -> Vec<MergeCandidate> {
        groups(segments, SEGMENTS_PER_MERGE, MERGED_UNITS_AT_MOST)
            .into_iter()
            .map(|group| MergeCandidate(group.iter().map(|s| s.id()).collect()))
            .collect()
    }
}

/// Segments small enough to grow (under half of `units_at_most`), smallest first, in
/// groups whose units stay under `units_at_most`; only groups of at least `at_least`
/// segments.
fn groups(segments: &[SegmentMeta], at_least: usize, units_at_most: u32) -> Vec<Vec<&SegmentMeta>> {
    let mut small: Vec<&SegmentMeta> = segments
        .iter()
        .filter(|s| s.num_docs() < units_at_most / 2)
        .collect();
    small.sort_by_key(|s| s.num_docs());
    let mut groups = Vec::new();
    let mut group: Vec<&SegmentMeta> = Vec::new();
    let mut units = 0;
    for segment in small {
        if units + segment.num_docs() > units_at_most {
            groups.push(std::mem::take(&mut group));
            units = 0;
        }
        units += segment.num_docs();
        group.push(segment);
    }
    groups.push(group);
    groups.retain(|g| g.len() >= at_least.max(2));
    groups
}

/// Merges the segments of `index` into as few as [`COMPACTED_UNITS_AT_MOST`] allows (no
/// writer may be open on it). The commit's payload is kept.
pub fn compact(index: &Index) -> Result<()> {
    compact_into(index, COMPACTED_UNITS_AT_MOST)
}

/// [`compact`] into segments of up to `units_at_most` units.
fn compact_into(index: &Index, units_at_most: u32) -> Result<()> {
    let metas = index.searchable_segment_metas()?;
    let groups: Vec<Vec<tantivy::index::SegmentId>> = groups(&metas, 2, units_at_most)
        .into_iter()
        .map(|group| group.iter().map(|s| s.id()).collect())
        .collect();
    if groups.is_empty() {
        return Ok(());
    }
    // A segment's files stay on disk while any of its metas is alive (tantivy keeps an
    // inventory of them): these go before the merges, so each merge's clean-up deletes
    // the segments it merged.
    drop(metas);
    let mut writer: IndexWriter = index.writer_with_options(
        IndexWriterOptions::builder()
            .num_worker_threads(1)
            .memory_budget_per_thread(MERGING_WRITER_MEMORY)
            .num_merge_threads(merges_at_once())
            .build(),
    )?;
    writer.set_merge_policy(Box::new(NoMergePolicy));
    // Every group is handed to the merge threads at once; they merge a core's worth at a time.
    let merges: Vec<_> = groups.iter().map(|group| writer.merge(group)).collect();
    for merge in merges {
        merge.wait()?;
    }
    writer.wait_merging_threads()?;
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;
    use tantivy::schema::{Schema, STORED, STRING};
    use tantivy::{doc, Index};

    fn index_of_segments(sizes: &[u32]) -> Index {
        let mut builder = Schema::builder();
        let field = builder.add_text_field("id", STRING | STORED);
        let index = Index::create_in_ram(builder.build());
        let mut writer: IndexWriter = index.writer_with_num_threads(1, 15_000_000).unwrap();
        writer.set_merge_policy(Box::new(NoMergePolicy));
        for (segment, size) in sizes.iter().enumerate() {
            for i in 0..*size {
                writer
                    .add_document(doc!(field => format!("{segment}-{i}")))
                    .unwrap();
            }
            writer.commit().unwrap();
        }
        writer.wait_merging_threads().unwrap();
        index
    }

    #[test]
    fn groups_stay_under_the_bound_and_big_segments_are_left_alone() {
        let metas = index_of_segments(&[10, 20, 30, 40, 100])
            .searchable_segment_metas()
            .unwrap();
        let units = |group: &Vec<&SegmentMeta>| group.iter().map(|s| s.num_docs()).sum::<u32>();
        // Bound 70: the 100-unit segment is past half of it and left alone; 10+20+30
        // make one merge (60), 40 would pass the bound and waits alone.
        let merges = groups(&metas, 2, 70);
        assert_eq!(merges.iter().map(units).collect::<Vec<_>>(), vec![60]);
        assert!(merges.iter().all(|g| units(g) <= 70));
        assert!(
            groups(&metas, 8, 70).is_empty(),
            "too few to merge while indexing"
        );
        assert_eq!(groups(&metas, 2, 1000).len(), 1, "a large bound merges all");
    }

    #[test]
    fn compacting_merges_small_segments_and_keeps_every_document() {
        let index = index_of_segments(&[5, 7, 9, 11]);
        compact(&index).unwrap();
        let metas = index.searchable_segment_metas().unwrap();
        assert_eq!(metas.len(), 1);
        assert_eq!(metas.iter().map(|m| m.num_docs()).sum::<u32>(), 32);
        assert_no_merged_segment_left(&index);
        // Under a bound that makes two groups, merged at once: two segments, every unit.
        let index = index_of_segments(&[2, 3, 4, 5, 6, 7]);
        compact_into(&index, 16).unwrap();
        let mut sizes: Vec<u32> = index
            .searchable_segment_metas()
            .unwrap()
            .iter()
            .map(|m| m.num_docs())
            .collect();
        sizes.sort();
        assert_eq!(sizes, [13, 14]);
        assert_no_merged_segment_left(&index);
    }

    fn assert_no_merged_segment_left(index: &Index) {
        let metas = index.searchable_segment_metas().unwrap();
        // The merged segments' files are gone, not left on the disk.
        let living: Vec<String> = metas.iter().map(|m| m.id().uuid_string()).collect();
        let stale: Vec<_> = index
            .directory()
            .list_managed_files()
            .into_iter()
            .filter(|path| {
                let stem = path.file_stem().and_then(|s| s.to_str()).unwrap_or("");
                stem.len() == 32 && !living.iter().any(|id| id == stem)
            })
            .collect();
        assert!(stale.is_empty(), "left behind: {stale:?}");
    }
}
