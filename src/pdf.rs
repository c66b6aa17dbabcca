//! Text out of PDF files, with pdf-extract (chosen by trying candidates on a real UN PDF:
//! it finds all 123 paragraphs of A/HRC/43/15 in order with the same words as poppler; see
//! the README).
//!
//! Each extraction runs on a thread of its own under `catch_unwind` (pdf-extract panics
//! on some damaged files; the release profile must keep `panic = "unwind"`), and is given
//! a time budget: a PDF that takes longer is skipped with a message naming the limit, and
//! the run goes on. (The extraction thread cannot be stopped from outside; it ends with
//! the extraction or with the process.) The library installs no panic hook: a program
//! that wants extraction panics to stay quiet asks [`is_extracting`] in its own hook, as
//! the `rapporteur` binary does.

use std::cell::Cell;
use std::panic::{catch_unwind, AssertUnwindSafe};
use std::sync::mpsc;
use std::time::Duration;

thread_local! {
    static EXTRACTING: Cell<bool> = const { Cell::new(false) };
}

/// Whether the current thread is extracting a PDF's text (for a panic hook: a panic
/// there is a damaged file, already reported as such).
pub fn is_extracting() -> bool {
    EXTRACTING.with(Cell::get)
}

/// What one extraction thread sends back.
type Extracted = std::thread::Result<Result<String, String>>;

/// The text of a PDF, or why there is none; `timeout` is the time budget.
pub fn extract_text(bytes: &[u8], timeout: Duration) -> Result<String, String> {
    let (send, receive) = mpsc::channel::<Extracted>();
    let bytes = bytes.to_vec();
    std::thread::Builder::new()
        .name("pdf-extract".to_string())
        .spawn(move || {
            EXTRACTING.with(|e| e.set(true));
            let outcome = catch_unwind(AssertUnwindSafe(|| {
                pdf_extract::extract_text_from_mem(&bytes).map_err(|e| e.to_string())
            }));
            // The receiver is gone when the budget ran out: nobody wants the text.
            let _ = send.send(outcome);
        })
        .map_err(|e| format!("could not start reading the PDF ({e}): try again"))?;
    let text = match receive.recv_timeout(timeout) {
        Ok(Ok(Ok(text))) => text,
        Ok(Ok(Err(message))) => {
            return Err(if message.to_lowercase().contains("encrypt") {
                "encrypted PDF: save an unprotected copy, or its text, into the corpus".to_string()
            } else {
                format!("damaged or unreadable PDF ({message}): download it again or save its text")
            });
        }
        Ok(Err(_)) | Err(mpsc::RecvTimeoutError::Disconnected) => {
            return Err(
                "damaged PDF (the reader gave up on it): download it again or save its text"
                    .to_string(),
            )
        }
        Err(mpsc::RecvTimeoutError::Timeout) => {
            return Err(format!(
                "reading its text took longer than {} (the limit, --pdf-timeout): save its text into the corpus, or raise the limit",
                humantime::format_duration(timeout)
            ))
        }
    };
    if text.chars().filter(|c| c.is_alphabetic()).count() < 20 {
        return Err(
            "PDF without a text layer (scanned images?): run OCR on it, or save its text"
                .to_string(),
        );
    }
    Ok(text)
}
