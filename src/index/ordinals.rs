//! Global ordinals of the document symbols, the idea Elasticsearch names so: every symbol
//! of the index once, in text order, and for each segment where each of its own symbol
//! ordinals falls in that list. With them, the count of hits per document is one dense
//! vector over the whole index, added up without a string, and a symbol's text is read
//! only when it is shown. Without them, every segment's dictionary is decoded and the
//! segments' lists of strings merged, on every search: the cost of the document facet
//! was a fifth of a common query's time at 500 MB, and a third of a broad one's.
//!
//! The file (`symbols.ords` in the generation folder) is written by `index` after the
//! segments are final, and is only a speed aid: it names the segments it describes, a
//! search uses it only when it describes every segment it searches, and a missing,
//! stale or damaged file means the slower path, never a wrong count. It is read through
//! a memory map: a search touches only the pages of the ordinals it hit.
//!
//! Layout, little-endian: `RPORD001`; u32 segment count, u32 symbol count; per segment
//! its id (32 ASCII hex digits), u32 first entry in the ordinal table, u32 entries; the
//! ordinal table (u32 each); the symbols' end offsets (u32 each) and their bytes.

use std::fs::File;
use std::path::Path;

use memmap2::Mmap;
use tantivy::index::SegmentId;
use tantivy::Index;

use super::store;
use crate::error::{Error, Result};

/// The file's name in a generation folder.
pub const FILE: &str = "symbols.ords";
/// The fast field whose values are ordered globally.
pub const FIELD: &str = "symbol";
const MAGIC: &[u8; 8] = b"RPORD001";
const SEGMENT_ENTRY: usize = 32 + 4 + 4;

/// An open ordinals file.
pub struct GlobalOrdinals {
    map: Mmap,
    segments: usize,
    symbols: usize,
    table_at: usize,
    ends_at: usize,
    bytes_at: usize,
}

/// Where a segment's entries are in the ordinal table.
#[derive(Debug, Clone, Copy)]
pub struct SegmentOrdinals {
    first: usize,
    len: usize,
}

fn u32_at(bytes: &[u8], at: usize) -> Option<u32> {
    let word = bytes.get(at..at.checked_add(4)?)?;
    Some(u32::from_le_bytes(word.try_into().ok()?))
}

/// Segment entry `i` of the file in `map`: the segment's id (ASCII hex) and where its
/// entries are in the ordinal table.
fn segment_entry(map: &[u8], i: usize) -> Option<(&[u8], SegmentOrdinals)> {
    let at = 16usize.checked_add(i.checked_mul(SEGMENT_ENTRY)?)?;
    let place = SegmentOrdinals {
        first: u32_at(map, at + 32)? as usize,
        len: u32_at(map, at + 36)? as usize,
    };
    Some((map.get(at..at + 32)?, place))
}

impl GlobalOrdinals {
    /// The ordinals of the generation at `generation`, if its file is there and whole.
    pub fn open(generation: &Path) -> Option<GlobalOrdinals> {
        let file = File::open(generation.join(FILE)).ok()?;
        // SAFETY: the file is written whole to a temporary name and renamed into place;
        // it is never modified once named, only replaced by another rename.
        let map = unsafe { Mmap::map(&file) }.ok()?;
        if map.get(..8)? != MAGIC {
            return None;
        }
        let segments = u32_at(&map, 8)? as usize;
        let symbols = u32_at(&map, 12)? as usize;
        let table_at = 16usize.checked_add(segments.checked_mul(SEGMENT_ENTRY)?)?;
        let mut table_len = 0usize;
        for segment in 0..segments {
            let (_, place) = segment_entry(&map, segment)?;
            table_len = table_len.max(place.first.checked_add(place.len)?);
        }
        let ends_at = table_at.checked_add(table_len.checked_mul(4)?)?;
        let bytes_at = ends_at.checked_add(symbols.checked_mul(4)?)?;
        let last_end = if symbols == 0 {
            0
        } else {
            u32_at(&map, bytes_at - 4)? as usize
        };
        if bytes_at.checked_add(last_end)? != map.len() {
            return None;
        }
        Some(GlobalOrdinals {
            map,
            segments,
            symbols,
            table_at,
            ends_at,
            bytes_at,
        })
    }

    /// How many distinct symbols the index holds.
    pub(crate) fn len(&self) -> usize {
        self.symbols
    }

    /// The segments the file describes.
    fn segment_ids(&self) -> Vec<SegmentId> {
        (0..self.segments)
            .filter_map(|segment| {
                let (id, _) = segment_entry(&self.map, segment)?;
                SegmentId::from_uuid_string(std::str::from_utf8(id).ok()?).ok()
            })
            .collect()
    }

    /// The entries of the segment `id`, if the file describes it.
    pub fn segment(&self, id: SegmentId) -> Option<SegmentOrdinals> {
        let wanted = id.uuid_string();
        (0..self.segments).find_map(|segment| {
            let (id, place) = segment_entry(&self.map, segment)?;
            (id == wanted.as_bytes()).then_some(place)
        })
    }

    /// The global ordinal of the segment's ordinal `ord`.
    pub fn global(&self, segment: SegmentOrdinals, ord: u64) -> Option<u32> {
        let ord = usize::try_from(ord).ok().filter(|ord| *ord < segment.len)?;
        let global = u32_at(&self.map, self.table_at + (segment.first + ord) * 4)?;
        ((global as usize) < self.symbols).then_some(global)
    }

    /// The text of the symbol of global ordinal `global`.
    pub fn symbol(&self, global: u32) -> Option<&[u8]> {
        let global = global as usize;
        let start = match global.checked_sub(1) {
            None => 0,
            Some(previous) => u32_at(&self.map, self.ends_at + previous * 4)? as usize,
        };
        let end = u32_at(&self.map, self.ends_at + global * 4)? as usize;
        self.map
            .get(self.bytes_at.checked_add(start)?..self.bytes_at.checked_add(end)?)
    }
}

/// Brings the generation's ordinals file up to date with the index's segments as they
/// are now (call it once they are final: after the last commit and the merges); a file
/// that already describes exactly those segments is left as it is.
pub fn refresh(index: &Index, generation: &Path) -> Result<()> {
    let mut segments = index.searchable_segment_ids()?;
    if let Some(existing) = GlobalOrdinals::open(generation) {
        let mut described = existing.segment_ids();
        segments.sort();
        described.sort();
        if described == segments {
            return Ok(());
        }
    }
    write(index, generation)
}

/// Writes the ordinals of the index's segments as they are now.
fn write(index: &Index, generation: &Path) -> Result<()> {
    let reader = index
        .reader_builder()
        .reload_policy(tantivy::ReloadPolicy::Manual)
        .try_into()?;
    let searcher: tantivy::Searcher = reader.searcher();
    let mut per_segment: Vec<(SegmentId, Vec<Vec<u8>>)> = Vec::new();
    for segment in searcher.segment_readers() {
        let mut terms = Vec::new();
        if let Some(column) = segment.fast_fields().str(FIELD)? {
            let mut stream = column
                .dictionary()
                .stream()
                .map_err(tantivy::TantivyError::from)?;
            while stream.advance() {
                terms.push(stream.key().to_vec());
            }
        }
        per_segment.push((segment.segment_id(), terms));
    }
    let mut symbols: Vec<&[u8]> = per_segment
        .iter()
        .flat_map(|(_, terms)| terms.iter().map(Vec::as_slice))
        .collect();
    symbols.sort_unstable();
    symbols.dedup();

    let too_big = |what: &str| Error::Index {
        path: generation.to_path_buf(),
        reason: format!("too many {what} for the document ordinals file"),
    };
    let u32_of = |n: usize, what: &str| u32::try_from(n).map_err(|_| too_big(what));
    let mut out: Vec<u8> = Vec::new();
    out.extend_from_slice(MAGIC);
    out.extend_from_slice(&u32_of(per_segment.len(), "segments")?.to_le_bytes());
    out.extend_from_slice(&u32_of(symbols.len(), "symbols")?.to_le_bytes());
    let mut first = 0usize;
    for (id, terms) in &per_segment {
        out.extend_from_slice(id.uuid_string().as_bytes());
        out.extend_from_slice(&u32_of(first, "entries")?.to_le_bytes());
        out.extend_from_slice(&u32_of(terms.len(), "entries")?.to_le_bytes());
        first += terms.len();
    }
    for (_, terms) in &per_segment {
        for term in terms {
            // Every term is in `symbols`: it was built from them.
            let global = symbols
                .binary_search(&term.as_slice())
                .map_err(|_| too_big("symbols"))?;
            out.extend_from_slice(&u32_of(global, "symbols")?.to_le_bytes());
        }
    }
    let mut end = 0usize;
    for symbol in &symbols {
        end += symbol.len();
        out.extend_from_slice(&u32_of(end, "symbol bytes")?.to_le_bytes());
    }
    for symbol in &symbols {
        out.extend_from_slice(symbol);
    }
    store::write_replacing(&generation.join(FILE), &out)
}
