//! Text out of PDF files, with pdf-extract (chosen by trying candidates on a real UN PDF:
//! it finds all 123 paragraphs of A/HRC/43/15 in order with the same words as poppler; see
//! the README). pdf-extract panics on some damaged files, so extraction runs under
//! `catch_unwind` with the panic message silenced, and a damaged file becomes an error
//! naming what to do. The release profile must keep `panic = "unwind"` for this.

use std::cell::Cell;
use std::panic::{catch_unwind, AssertUnwindSafe};
use std::sync::Once;

thread_local! {
    static EXTRACTING: Cell<bool> = const { Cell::new(false) };
}

/// Installs, once, a panic hook that stays quiet about panics inside PDF extraction and
/// passes every other panic to the previous hook.
fn silence_extraction_panics() {
    static INSTALL: Once = Once::new();
    INSTALL.call_once(|| {
        let previous = std::panic::take_hook();
        std::panic::set_hook(Box::new(move |info| {
            if !EXTRACTING.with(Cell::get) {
                previous(info);
            }
        }));
    });
}

/// The text of a PDF, or why there is none.
pub fn extract_text(bytes: &[u8]) -> Result<String, String> {
    silence_extraction_panics();
    EXTRACTING.with(|e| e.set(true));
    let outcome = catch_unwind(AssertUnwindSafe(|| {
        pdf_extract::extract_text_from_mem(bytes)
    }));
    EXTRACTING.with(|e| e.set(false));
    let text = match outcome {
        Ok(Ok(text)) => text,
        Ok(Err(error)) => {
            let message = error.to_string();
            return Err(if message.to_lowercase().contains("encrypt") {
                "encrypted PDF: save an unprotected copy, or its text, into the corpus".to_string()
            } else {
                format!("damaged or unreadable PDF ({message}): download it again or save its text")
            });
        }
        Err(_) => {
            return Err(
                "damaged PDF (the reader gave up on it): download it again or save its text"
                    .to_string(),
            )
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
