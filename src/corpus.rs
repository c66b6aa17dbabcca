//! Finding and reading report files: which files in a corpus folder are reports, and
//! their bytes turned into text: PDFs (recognised by their `%PDF-` header) through
//! pdf-extract, text in UTF-8 with or without BOM, UTF-16 with BOM, else Windows-1252
//! (detected, not guessed from the extension). What is not a report's text (binary,
//! empty, encrypted or scanned PDF, damaged PDF) is refused with a message that says what
//! to do.

use std::path::{Path, PathBuf};

use crate::error::{Error, Result};

/// Longest line a report's text may have: extractors break lines at the page width.
pub const MAX_LINE_BYTES: usize = 1_000_000;

/// Extensions read as reports.
pub const REPORT_EXTENSIONS: [&str; 2] = ["txt", "pdf"];

/// The text of a report file.
pub fn read_text(path: &Path) -> Result<String> {
    let bytes = std::fs::read(path).map_err(|source| Error::Io {
        path: path.to_path_buf(),
        source,
    })?;
    decode(&bytes).map_err(|reason| Error::Unreadable {
        path: path.to_path_buf(),
        reason,
    })
}

/// Bytes to text, or why they are not a report's text.
pub fn decode(bytes: &[u8]) -> Result<String, String> {
    if bytes.starts_with(b"%PDF-") {
        return crate::pdf::extract_text(bytes);
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

/// The files of a corpus folder.
#[derive(Debug, Default)]
pub struct Listing {
    /// Report files (`.txt`, `.pdf`), sorted by path.
    pub reports: Vec<PathBuf>,
    /// Other files (hidden files aside), sorted: reported as skipped.
    pub others: Vec<PathBuf>,
}

/// Lists `dir` recursively; hidden files and folders are left out.
pub fn list(dir: &Path) -> Result<Listing> {
    let mut listing = Listing::default();
    let mut pending = vec![dir.to_path_buf()];
    while let Some(folder) = pending.pop() {
        let entries = std::fs::read_dir(&folder).map_err(|source| Error::Io {
            path: folder.clone(),
            source,
        })?;
        for entry in entries.flatten() {
            let path = entry.path();
            if path
                .file_name()
                .is_some_and(|n| n.to_string_lossy().starts_with('.'))
            {
                continue;
            }
            if path.is_dir() {
                pending.push(path);
            } else if is_report_file(&path) {
                listing.reports.push(path);
            } else {
                listing.others.push(path);
            }
        }
    }
    listing.reports.sort();
    listing.others.sort();
    Ok(listing)
}

/// Report files under `dir`, recursively, sorted by path.
pub fn report_files(dir: &Path) -> Result<Vec<PathBuf>> {
    Ok(list(dir)?.reports)
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
    use super::decode;

    #[test]
    fn encodings_are_recognised() {
        assert_eq!(decode("\u{feff}café".as_bytes()).unwrap(), "café");
        let utf16: Vec<u8> = [0xFF, 0xFE]
            .into_iter()
            .chain("café".encode_utf16().flat_map(u16::to_le_bytes))
            .collect();
        assert_eq!(decode(&utf16).unwrap(), "café");
        assert_eq!(decode(b"caf\xe9 \x92").unwrap(), "café ’");
    }

    #[test]
    fn empty_and_binary_input_is_refused_with_a_reason() {
        assert!(decode(b"  \n ").unwrap_err().contains("empty"));
        assert!(decode(b"\x7fELF\x02\x01\x01\x00\x00\x00\x00")
            .unwrap_err()
            .contains("binary"));
    }
}
