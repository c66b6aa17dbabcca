//! Helpers shared by the integration tests: run the real binary with a clean environment.
#![allow(dead_code)]

use std::path::{Path, PathBuf};
use std::process::{Command, Output};

/// The project's root.
pub fn root() -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR"))
}

/// A file under `tests/fixtures/`.
pub fn fixture(name: &str) -> PathBuf {
    root().join("tests/fixtures").join(name)
}

/// The shared folder beside the project (real reports we may read but not copy).
pub fn shared(name: &str) -> PathBuf {
    let path = root().join("../shared").join(name);
    assert!(
        path.exists(),
        "{} is missing: the tests read the shared samples beside the project",
        path.display()
    );
    path
}

/// Runs `rapporteur ARGS` with a cleared environment (colour off unless asked).
pub fn rapporteur<I, S>(args: I) -> Output
where
    I: IntoIterator<Item = S>,
    S: AsRef<std::ffi::OsStr>,
{
    rapporteur_in(&root(), args)
}

/// Runs `rapporteur ARGS` from `dir`.
pub fn rapporteur_in<I, S>(dir: &Path, args: I) -> Output
where
    I: IntoIterator<Item = S>,
    S: AsRef<std::ffi::OsStr>,
{
    Command::new(env!("CARGO_BIN_EXE_rapporteur"))
        .args(args)
        .current_dir(dir)
        .env_clear()
        .env("PATH", std::env::var("PATH").unwrap_or_default())
        .output()
        .expect("the rapporteur binary runs")
}

/// Standard output as text.
pub fn stdout(output: &Output) -> String {
    String::from_utf8_lossy(&output.stdout).into_owned()
}

/// Standard error as text.
pub fn stderr(output: &Output) -> String {
    String::from_utf8_lossy(&output.stderr).into_owned()
}

/// Writes `count` distinct reports into `dir`, each the shipped report under its own
/// symbol (`TEST/GC(n)/4`) with one paragraph naming its number; returns their paths.
pub fn generate_reports(dir: &Path, count: usize) -> Vec<PathBuf> {
    let seed = std::fs::read_to_string(root().join("corpus/APCTT-GC-20-4.fr.txt"))
        .expect("the shipped report");
    std::fs::create_dir_all(dir).unwrap();
    (0..count)
        .map(|n| {
            let text = seed
                .replace("APCTT/GC(20)/4", &format!("TEST/GC({n})/4"))
                .replace(
                    "Le Conseil d’administration a adopté le présent rapport",
                    &format!("Le rapport numéro{n} a été adopté"),
                );
            let path = dir.join(format!("report-{n:04}.txt"));
            std::fs::write(&path, text).unwrap();
            path
        })
        .collect()
}

/// Writes `count` short distinct reports (three paragraphs each) into `dir`.
pub fn generate_short_reports(dir: &Path, count: usize) -> Vec<PathBuf> {
    std::fs::create_dir_all(dir).unwrap();
    (0..count)
        .map(|n| {
            let text = format!(
                "SHORT/{n}/1\n\n1. Le Conseil a ouvert la session numéro{n}.\n\n\
                 2. La représentante de la Chine parle de l’hydrogène vert.\n\n3. Le Conseil adopte le rapport.\n"
            );
            let path = dir.join(format!("short-{n:04}.txt"));
            std::fs::write(&path, text).unwrap();
            path
        })
        .collect()
}

/// Runs `rapporteur index --corpus CORPUS --index INDEX EXTRA…`.
pub fn index_into(corpus: &Path, index: &Path, extra: &[&str]) -> Output {
    let mut args: Vec<&std::ffi::OsStr> = vec![
        "index".as_ref(),
        "--corpus".as_ref(),
        corpus.as_os_str(),
        "--index".as_ref(),
        index.as_os_str(),
    ];
    args.extend(extra.iter().map(std::ffi::OsStr::new));
    rapporteur(args)
}

/// A corpus folder of copied reports and its index, in a temporary folder.
pub struct IndexedCopy {
    /// The temporary folder (removed when dropped).
    pub dir: tempfile::TempDir,
    /// The corpus folder inside it.
    pub corpus: PathBuf,
    /// The index built from it.
    pub index: PathBuf,
}

/// `files` copied into a fresh corpus folder and indexed (`--quiet`).
pub fn indexed_copy(files: &[PathBuf]) -> IndexedCopy {
    let dir = tempfile::tempdir().expect("a temporary folder");
    let corpus = dir.path().join("corpus");
    std::fs::create_dir(&corpus).unwrap();
    for file in files {
        std::fs::copy(file, corpus.join(file.file_name().unwrap())).unwrap();
    }
    let index = dir.path().join("index");
    let output = index_into(&corpus, &index, &["--quiet"]);
    assert!(output.status.success(), "index failed: {}", stderr(&output));
    IndexedCopy { dir, corpus, index }
}

/// The shipped corpus indexed into a fresh temporary folder: (the folder, its index).
pub fn shipped_index() -> (tempfile::TempDir, PathBuf) {
    let dir = tempfile::tempdir().expect("a temporary folder");
    let index = dir.path().join("index");
    let output = index_into(&root().join("corpus"), &index, &[]);
    assert!(output.status.success(), "{}", stderr(&output));
    (dir, index)
}
pub mod server;
