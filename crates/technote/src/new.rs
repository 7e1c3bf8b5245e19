//! `technote new locale|technote`, `technote init` and `technote eject`:
//! printing what was written, or why not.

use std::io::{self, Write};
use std::path::Path;
use std::process::ExitCode;

use technote_diagnostics::Diagnostic;
use technote_scaffold::Created;

use crate::checker_assets::CHECKER_ASSETS;
use crate::cli::{EjectArgs, NewCommand};
use crate::output::{Printed, decided};

pub fn run(command: &NewCommand) -> Printed {
    let (created, project) = match command {
        NewCommand::Locale { tag, project } => {
            let options = project.options(CHECKER_ASSETS);
            let created = technote_scaffold::new_locale(
                &options.config,
                &options.locales,
                &options.content,
                tag,
            );
            (created, project)
        }
        NewCommand::Technote {
            path,
            from,
            project,
        } => {
            let options = project.options(CHECKER_ASSETS);
            let created = technote_scaffold::new_technote(
                &options.config,
                &options.content,
                path,
                from.as_deref(),
            );
            (created, project)
        }
    };
    let next = format!(
        "next: translate or write it, then run `technote check --root {}`",
        project.root.display()
    );
    report(created, &project.root, &next)
}

pub fn init(dir: &Path) -> Printed {
    let next = format!(
        "next: `technote serve --root {0}` to see it, `technote check --root {0}` after each edit",
        dir.display()
    );
    report(technote_scaffold::init(dir), dir, &next)
}

pub fn eject(args: &EjectArgs) -> Printed {
    if args.list {
        let mut out = io::stdout().lock();
        let mut printing = Ok(());
        for file in technote_theme::FILES {
            let replaced = if args.root.join(file.path).exists() {
                "  (replaced by the project)"
            } else {
                ""
            };
            printing = printing.and_then(|()| writeln!(out, "{}{replaced}", file.path));
        }
        return decided(ExitCode::SUCCESS, printing);
    }
    let next = "next: edit the copies; each replaces the built-in file at its path";
    report(
        technote_scaffold::eject(&args.root, args.path.as_deref()),
        &args.root,
        next,
    )
}

/// Lists what a scaffold wrote and what to do next, or why it wrote nothing.
fn report(created: Result<Created, Diagnostic>, root: &Path, next: &str) -> Printed {
    let mut err = io::stderr().lock();
    match created {
        Ok(created) => {
            let mut printing = Ok(());
            for file in &created.files {
                printing = printing.and_then(|()| writeln!(err, "created {}", file.display()));
            }
            for file in &created.edited {
                printing = printing.and_then(|()| writeln!(err, "edited {}", file.display()));
            }
            let printing = printing.and_then(|()| writeln!(err, "{next}"));
            decided(ExitCode::SUCCESS, printing)
        }
        Err(problem) => decided(
            ExitCode::FAILURE,
            writeln!(err, "{}", problem.relative_to(root)),
        ),
    }
}
