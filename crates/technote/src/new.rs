//! `technote new locale|technote`: printing what was written, or why not.

use std::io::{self, Write};
use std::process::ExitCode;

use crate::checker_assets::CHECKER_ASSETS;
use crate::cli::NewCommand;
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
            let root = project.root.display();
            let printing = printing.and_then(|()| {
                writeln!(
                    err,
                    "next: translate or write it, then run `technote check --root {root}`"
                )
            });
            decided(ExitCode::SUCCESS, printing)
        }
        Err(problem) => decided(
            ExitCode::FAILURE,
            writeln!(err, "{}", problem.relative_to(&project.root)),
        ),
    }
}
