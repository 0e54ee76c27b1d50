//! The command line's path arguments to sources: files as given, directories walked.

use std::fs;
use std::path::{Path, PathBuf};

use crate::{is_stdin, Format, InputError, Source};

/// Expands path arguments into sources, in order: a file as given (whatever its extension;
/// `format` overrides the one its extension names), `-` as stdin, and a directory walked
/// recursively in sorted order, keeping files with a known extension and skipping hidden
/// entries (names starting with `.`). A path that cannot be read gives an error in its
/// place and the others still expand.
///
/// Symbolic links to files are followed; links to directories inside a walk are not, so a
/// link cycle cannot make the walk endless.
pub fn expand_paths(args: &[PathBuf], format: Option<Format>) -> Vec<Result<Source, InputError>> {
    let mut sources = Vec::new();
    for path in args {
        if is_stdin(path) {
            sources.push(Ok(Source {
                path: path.clone(),
                format,
            }));
            continue;
        }
        match fs::metadata(path) {
            Ok(meta) if meta.is_dir() => walk(path, format, &mut sources),
            Ok(_) => sources.push(Ok(Source {
                path: path.clone(),
                format: format.or_else(|| Format::from_path(path)),
            })),
            Err(source) => sources.push(Err(InputError::Io {
                path: path.clone(),
                source,
            })),
        }
    }
    sources
}

/// Walks a directory depth first in name order, as `find | sort` lists it, with an explicit
/// stack so that depth is not limited by the call stack.
fn walk(root: &Path, format: Option<Format>, sources: &mut Vec<Result<Source, InputError>>) {
    let mut stack = Vec::new();
    enter(root, &mut stack, sources);
    while let Some(entries) = stack.last_mut() {
        match entries.next() {
            None => {
                stack.pop();
            }
            Some((path, Kind::Dir)) => enter(&path, &mut stack, sources),
            Some((path, Kind::File)) => {
                if let Some(known) = Format::from_path(&path) {
                    sources.push(Ok(Source {
                        path,
                        format: Some(format.unwrap_or(known)),
                    }));
                }
            }
            Some((_, Kind::Other)) => {}
        }
    }
}

/// Pushes a directory's entries on the stack, or its error on the sources.
fn enter(
    dir: &Path,
    stack: &mut Vec<std::vec::IntoIter<(PathBuf, Kind)>>,
    sources: &mut Vec<Result<Source, InputError>>,
) {
    match sorted_entries(dir) {
        Ok(entries) => stack.push(entries.into_iter()),
        Err(source) => sources.push(Err(InputError::Walk {
            path: dir.to_path_buf(),
            source,
        })),
    }
}

enum Kind {
    File,
    Dir,
    Other,
}

fn sorted_entries(dir: &Path) -> std::io::Result<Vec<(PathBuf, Kind)>> {
    let mut entries = Vec::new();
    for entry in fs::read_dir(dir)? {
        let entry = entry?;
        if entry.file_name().as_encoded_bytes().starts_with(b".") {
            continue;
        }
        let path = entry.path();
        let file_type = entry.file_type()?;
        let kind = if file_type.is_dir() {
            Kind::Dir
        } else if file_type.is_file()
            || (file_type.is_symlink() && fs::metadata(&path).is_ok_and(|meta| meta.is_file()))
        {
            Kind::File
        } else {
            Kind::Other
        };
        entries.push((path, kind));
    }
    entries.sort_by(|a, b| a.0.cmp(&b.0));
    Ok(entries)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::test_files::TempDir;

    fn names(dir: &TempDir, sources: &[Result<Source, InputError>]) -> Vec<String> {
        sources
            .iter()
            .map(|source| match source {
                Ok(source) => {
                    let path = source.path.strip_prefix(dir.path()).unwrap_or(&source.path);
                    format!("{} {:?}", path.display(), source.format)
                }
                Err(err) => format!("error: {err}"),
            })
            .collect()
    }

    #[test]
    fn directories_are_walked_sorted_with_known_extensions_only() {
        let dir = TempDir::new("walk");
        for name in [
            "b.txt",
            "a.HTML",
            "notes.csv",
            ".hidden.txt",
            ".git/config.json",
            "sub/z.jsonl",
            "sub/deeper/y.json",
            "a-sub/x.md",
            "README",
        ] {
            dir.write(name, b"x");
        }
        let sources = expand_paths(&[dir.path().to_path_buf()], None);
        assert_eq!(
            names(&dir, &sources),
            [
                "a-sub/x.md Some(Text)",
                "a.HTML Some(Html)",
                "b.txt Some(Text)",
                "sub/deeper/y.json Some(Json)",
                "sub/z.jsonl Some(JsonLines)",
            ]
        );
        let forced = expand_paths(&[dir.path().join("sub")], Some(Format::Text));
        assert_eq!(
            names(&dir, &forced),
            ["sub/deeper/y.json Some(Text)", "sub/z.jsonl Some(Text)"]
        );
    }

    #[test]
    fn files_are_kept_as_given_and_stdin_is_kept() {
        let dir = TempDir::new("args");
        let csv = dir.write("rows.csv", b"x");
        let hidden = dir.write(".draft.txt", b"x");
        let args = [csv, PathBuf::from("-"), hidden];
        let sources = expand_paths(&args, None);
        assert_eq!(
            names(&dir, &sources),
            ["rows.csv None", "- None", ".draft.txt Some(Text)"]
        );
    }

    #[test]
    fn a_missing_path_is_an_error_in_its_place() {
        let dir = TempDir::new("missing-arg");
        let good = dir.write("a.txt", b"x");
        let sources = expand_paths(&[dir.path().join("nope"), good], None);
        assert_eq!(sources.len(), 2);
        assert!(matches!(sources[0], Err(InputError::Io { .. })));
        assert!(sources[0]
            .as_ref()
            .unwrap_err()
            .to_string()
            .contains("nope: cannot read"));
        assert!(sources[1].is_ok());
    }

    #[cfg(unix)]
    #[test]
    fn an_unreadable_directory_is_a_walk_error_and_the_walk_goes_on() {
        use std::os::unix::fs::PermissionsExt;
        let dir = TempDir::new("walk-error");
        dir.write("a/secret.txt", b"x");
        dir.write("b.txt", b"x");
        let locked = dir.path().join("a");
        fs::set_permissions(&locked, fs::Permissions::from_mode(0o000)).unwrap();
        let readable = fs::read_dir(&locked).is_ok(); // root reads anything
        let sources = expand_paths(&[dir.path().to_path_buf()], None);
        fs::set_permissions(&locked, fs::Permissions::from_mode(0o755)).unwrap();
        if readable {
            return;
        }
        assert_eq!(sources.len(), 2);
        let err = sources[0].as_ref().unwrap_err();
        assert!(matches!(err, InputError::Walk { .. }), "{err:?}");
        assert!(
            err.to_string().contains("a: cannot walk directory: "),
            "{err}"
        );
        assert!(sources[1].is_ok());
    }

    #[test]
    fn walk_errors_name_the_directory() {
        let mut sources = Vec::new();
        walk(Path::new("/nonexistent/sitrep"), None, &mut sources);
        assert_eq!(sources.len(), 1);
        let err = sources[0].as_ref().unwrap_err();
        assert!(matches!(err, InputError::Walk { .. }), "{err:?}");
        assert!(err
            .to_string()
            .starts_with("/nonexistent/sitrep: cannot walk directory: "));
    }
}
