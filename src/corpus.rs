//! Finding and reading report files: which files in a corpus folder are reports, and
//! their bytes turned into text: PDFs (recognised by their `%PDF-` header) through
//! pdf-extract, text in UTF-8 with or without BOM, UTF-16 with BOM, else Windows-1252
//! (detected, not guessed from the extension). What is not a report's text (binary,
//! empty, encrypted or scanned PDF, damaged PDF) is refused with a message that says what
//! to do.

use std::path::{Path, PathBuf};
use std::time::Duration;

use crate::error::{Error, Result};

/// Longest line a report's text may have: extractors break lines at the page width.
pub const MAX_LINE_BYTES: usize = 1_000_000;

/// Extensions read as reports.
pub const REPORT_EXTENSIONS: [&str; 2] = ["txt", "pdf"];

/// The text of a report file, read within `options`' limits.
pub fn read_text(path: &Path, options: &CorpusOptions) -> Result<String> {
    let bytes = std::fs::read(path).map_err(|source| Error::Io {
        path: path.to_path_buf(),
        source,
    })?;
    let unreadable = |reason| Error::Unreadable {
        path: path.to_path_buf(),
        reason,
    };
    if is_pdf(&bytes) && bytes.len() as u64 > options.max_pdf_bytes {
        return Err(unreadable(format!(
            "a PDF of {} MB, larger than the limit of {} MB (--max-pdf-mb): save its text into the corpus, or raise the limit",
            bytes.len() / (1024 * 1024),
            options.max_pdf_bytes / (1024 * 1024)
        )));
    }
    decode(&bytes, options).map_err(unreadable)
}

fn is_pdf(bytes: &[u8]) -> bool {
    bytes.starts_with(b"%PDF-")
}

/// Bytes to text, or why they are not a report's text.
pub fn decode(bytes: &[u8], options: &CorpusOptions) -> Result<String, String> {
    if is_pdf(bytes) {
        return crate::pdf::extract_text(bytes, options.pdf_timeout);
    }
    let (text, _, had_errors) = if let Some((encoding, _)) = encoding_rs::Encoding::for_bom(bytes) {
        encoding.decode(bytes)
    } else if let Ok(text) = std::str::from_utf8(bytes) {
        (std::borrow::Cow::Borrowed(text), encoding_rs::UTF_8, false)
    } else if looks_binary(bytes) {
        return Err(
            "binary file, not text: remove it from the corpus or convert it to text".to_string(),
        );
    } else {
        encoding_rs::WINDOWS_1252.decode(bytes)
    };
    if had_errors {
        return Err("text is not valid in its declared encoding: re-save it as UTF-8".to_string());
    }
    if looks_binary(text.as_bytes()) {
        return Err(
            "binary file, not text: remove it from the corpus or convert it to text".to_string(),
        );
    }
    if text.trim().is_empty() {
        return Err("empty file: nothing to index".to_string());
    }
    if text.split('\n').any(|line| line.len() > MAX_LINE_BYTES) {
        return Err(format!(
            "a line longer than {} MB: not a report's text (a data dump?); extract its text again with line breaks",
            MAX_LINE_BYTES / 1_000_000
        ));
    }
    Ok(text.into_owned())
}

fn looks_binary(bytes: &[u8]) -> bool {
    let sample = &bytes[..bytes.len().min(8192)];
    let control = sample
        .iter()
        .filter(|&&b| b == 0 || (b < 0x20 && !matches!(b, b'\n' | b'\r' | b'\t' | 0x0c)))
        .count();
    control * 100 > sample.len().max(1) || sample.contains(&0)
}

/// How a corpus is walked and read.
#[derive(Debug, Clone, Copy)]
pub struct CorpusOptions {
    /// Follow links to folders (with loop detection); off by default, so a link back into
    /// the corpus cannot make the walk loop.
    pub follow_links: bool,
    /// Time one PDF's text extraction may take before the file is skipped.
    pub pdf_timeout: Duration,
    /// Largest PDF read, in bytes.
    pub max_pdf_bytes: u64,
}

impl Default for CorpusOptions {
    fn default() -> Self {
        CorpusOptions {
            follow_links: false,
            pdf_timeout: DEFAULT_PDF_TIMEOUT,
            max_pdf_bytes: DEFAULT_MAX_PDF_BYTES,
        }
    }
}

/// A report of a thousand pages extracts in seconds; a minute means the extractor is lost.
pub const DEFAULT_PDF_TIMEOUT: Duration = Duration::from_secs(60);
/// The largest UN reports are tens of MB as PDF; past this a file is a scan or an archive.
pub const DEFAULT_MAX_PDF_BYTES: u64 = 200 * 1024 * 1024;

/// The files of a corpus folder.
#[derive(Debug, Default)]
pub struct Listing {
    /// Report files (`.txt`, `.pdf`), sorted by path.
    pub reports: Vec<PathBuf>,
    /// Other files (hidden files aside), sorted: reported as skipped.
    pub others: Vec<PathBuf>,
    /// Entries not walked, and why: unreadable folders, links to folders (not followed),
    /// links back into the corpus, broken links.
    pub problems: Vec<(PathBuf, String)>,
}

/// Lists `dir` recursively; hidden files and folders are left out. A link to a file is
/// read as that file; a link to a folder is not followed unless `follow_links` (and then
/// a link back to a folder being walked is reported, not followed again).
pub fn list(dir: &Path, follow_links: bool) -> Result<Listing> {
    let metadata = std::fs::metadata(dir).map_err(|source| Error::Io {
        path: dir.to_path_buf(),
        source,
    })?;
    if !metadata.is_dir() {
        return Err(Error::Unreadable {
            path: dir.to_path_buf(),
            reason: "not a folder: pass --corpus with the folder that holds the reports"
                .to_string(),
        });
    }
    let mut listing = Listing::default();
    let walk = walkdir::WalkDir::new(dir)
        .follow_links(follow_links)
        .sort_by_file_name()
        .into_iter()
        .filter_entry(|entry| {
            entry.depth() == 0 || !entry.file_name().to_string_lossy().starts_with('.')
        });
    for entry in walk {
        let entry = match entry {
            Ok(entry) => entry,
            Err(error) => {
                let path = error.path().unwrap_or(dir).to_path_buf();
                let reason = if error.loop_ancestor().is_some() {
                    "a link back to a folder above it (a loop): not followed".to_string()
                } else {
                    format!(
                        "cannot be read ({}): check its permissions",
                        error
                            .io_error()
                            .map_or(error.to_string(), ToString::to_string)
                    )
                };
                listing.problems.push((path, reason));
                continue;
            }
        };
        let path = entry.path().to_path_buf();
        let file_type = entry.file_type();
        if file_type.is_dir() {
            continue;
        }
        if file_type.is_symlink() {
            match std::fs::metadata(&path) {
                Ok(target) if target.is_dir() => {
                    listing.problems.push((
                        path,
                        "a link to a folder: not followed (pass --follow-links to index what it holds)"
                            .to_string(),
                    ));
                    continue;
                }
                Ok(_) => {}
                Err(error) => {
                    listing.problems.push((
                        path,
                        format!("a broken link ({error}): remove it or fix it"),
                    ));
                    continue;
                }
            }
        }
        if is_report_file(&path) {
            listing.reports.push(path);
        } else {
            listing.others.push(path);
        }
    }
    listing.reports.sort();
    listing.others.sort();
    Ok(listing)
}

/// Report files under `dir`, recursively, sorted by path.
pub fn report_files(dir: &Path, follow_links: bool) -> Result<Vec<PathBuf>> {
    Ok(list(dir, follow_links)?.reports)
}

fn is_report_file(path: &Path) -> bool {
    path.extension()
        .is_some_and(|e| REPORT_EXTENSIONS.contains(&e.to_string_lossy().to_lowercase().as_str()))
}

/// Why a file that is not a report is skipped.
pub fn not_a_report_reason(path: &Path) -> String {
    let extension = path.extension().map_or(String::from("no extension"), |e| {
        format!(".{}", e.to_string_lossy())
    });
    format!("not a report file ({extension}): rapporteur reads .txt and .pdf files")
}

#[cfg(test)]
mod tests {
    use super::{decode, CorpusOptions};

    fn decode_text(bytes: &[u8]) -> Result<String, String> {
        decode(bytes, &CorpusOptions::default())
    }

    #[test]
    fn encodings_are_recognised() {
        assert_eq!(decode_text("\u{feff}café".as_bytes()).unwrap(), "café");
        let utf16: Vec<u8> = [0xFF, 0xFE]
            .into_iter()
            .chain("café".encode_utf16().flat_map(u16::to_le_bytes))
            .collect();
        assert_eq!(decode_text(&utf16).unwrap(), "café");
        assert_eq!(decode_text(b"caf\xe9 \x92").unwrap(), "café ’");
    }

    #[test]
    fn empty_and_binary_input_is_refused_with_a_reason() {
        assert!(decode_text(b"  \n ").unwrap_err().contains("empty"));
        assert!(decode_text(b"\x7fELF\x02\x01\x01\x00\x00\x00\x00")
            .unwrap_err()
            .contains("binary"));
    }
}
