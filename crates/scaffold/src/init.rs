//! `technote init [DIR]`: a project that builds and passes `technote check`
//! at once, with the built-in theme (no templates, `www/` or `locales/` on
//! disk): its configuration and a first technote in English and French.

use std::fs;
use std::path::{Path, PathBuf};

use technote_content::SiteConfig;
use technote_diagnostics::Diagnostic;

use crate::Created;

const CONFIG: &str = r#"# Site configuration for technote (its README lists every setting).

# Absolute URL the site will be published at (canonical links, sitemap,
# hreflang). `technote build --base-url` or TECHNOTE_BASE_URL replace it for
# one build, such as a deploy preview.
base_url = "https://docs.example.org/"

# Locales, in the order the language switcher lists them. Each reads
# content/<locale>/; its UI strings come with technote for en and fr
# (`technote new locale de` adds another, with its strings to translate).
locales = ["en", "fr"]

# Missing UI strings and technotes fall back to this locale.
reference_locale = "en"

# Relative .md links to documents that are not part of this site resolve here.
external_docs_base = "https://experienceleague.adobe.com/docs/"
"#;

const EN_BODY: &str = r#"
# Writing your first technote {#first-technote}

A technote answers one question for the people who run a product: what
changed, who is concerned and what to do. This page is yours to rewrite.

## Where the files are {#files}

Each locale has a folder under `content/`: this page is
`content/en/technotes/getting-started.md`, and its French translation has the
same path under `content/fr/`. Both carry the same `exl-id` in their front
matter, which is how technote knows they belong together.

## Checking before publishing {#checking}

Run `technote check` after each edit: it verifies every link and
[anchor](#files), every translation and every UI string, and names the file,
line and column of each problem. `technote serve` shows the site while you
write and reloads the page on every save.

>[!TIP]
>
>The theme is built in. Run `technote eject templates/base.html` to change
>the page layout: your copy then replaces the built-in file.
"#;

const FR_BODY: &str = r#"
# Écrire votre première note technique {#first-technote}

Une note technique répond à une question précise pour les personnes qui
exploitent un produit : ce qui a changé, qui est concerné et ce qu'il faut
faire. Cette page est à vous : réécrivez-la.

## Où sont les fichiers {#files}

Chaque langue a son dossier sous `content/` : cette page est
`content/fr/technotes/getting-started.md`, et sa version anglaise a le même
chemin sous `content/en/`. Les deux portent le même `exl-id` dans leurs
métadonnées : c'est ainsi que technote sait qu'elles vont ensemble.

## Vérifier avant de publier {#checking}

Lancez `technote check` après chaque modification : il vérifie chaque lien et
chaque [ancre](#files), chaque traduction et chaque texte de l'interface, et
indique le fichier, la ligne et la colonne de chaque problème. `technote
serve` affiche le site pendant que vous écrivez et recharge la page à chaque
enregistrement.

>[!TIP]
>
>Le thème est intégré. Lancez `technote eject templates/base.html` pour
>modifier la mise en page : votre copie remplace alors le fichier intégré.
"#;

/// The first technote, relative to the project.
const PAGE: &str = "technotes/getting-started.md";

/// Writes a new project into `dir` (created if missing). Refuses, writing
/// nothing, when `dir` holds a configuration or a content folder already.
pub fn init(dir: &Path) -> Result<Created, Diagnostic> {
    let config_path = dir.join("technote.toml");
    let content = dir.join("content");
    for existing in [&config_path, &content] {
        if existing.exists() {
            return Err(Diagnostic::error(existing, "this exists already")
                .with_help("nothing was written: run `technote init` in a new or empty folder"));
        }
    }
    let id = uuid::Uuid::new_v4();
    let english = format!(
        "---\ntitle: Writing your first technote\n\
         description: Where a technote's files are, and how to check them before publishing\n\
         exl-id: {id}\n---\n{EN_BODY}"
    );
    let mut created = Created::default();
    write_new(&config_path, CONFIG, &mut created)?;
    let source = content.join("en").join(PAGE);
    write_new(&source, &english, &mut created)?;
    // The translation records its source's hash, as `technote new technote
    // --from` would outside git, so that check can tell when it goes stale.
    let config = SiteConfig::load(&config_path)?;
    let bytes = technote_content::read_source(&source, &config.limits)?;
    let (body, _) = technote_content::source_body(&source, &bytes, &config.limits)?;
    let french = format!(
        "---\ntitle: Écrire votre première note technique\n\
         description: Où sont les fichiers d'une note technique, et comment les vérifier avant de publier\n\
         exl-id: {id}\nworkflow-type: human\n{}: {}\n---\n{FR_BODY}",
        technote_check::source_hash::KEY,
        technote_check::source_hash::of(&body)
    );
    write_new(&content.join("fr").join(PAGE), &french, &mut created)?;
    let ignore = dir.join(".gitignore");
    if !ignore.exists() {
        write_new(
            &ignore,
            "# What `technote build` and `technote serve` write.\n/public/\n/target/\n",
            &mut created,
        )?;
    }
    Ok(created)
}

fn write_new(path: &Path, text: &str, created: &mut Created) -> Result<(), Diagnostic> {
    if let Some(folder) = path.parent() {
        fs::create_dir_all(folder)
            .map_err(|e| Diagnostic::error(folder, format!("cannot create it: {e}")))?;
    }
    fs::File::create_new(path)
        .and_then(|mut file| std::io::Write::write_all(&mut file, text.as_bytes()))
        .map_err(|e| Diagnostic::error(path, format!("cannot write it: {e}")))?;
    created.files.push(PathBuf::from(path));
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_folder_with_a_project_is_refused_and_left_as_it_was() {
        let dir = tempfile::tempdir().unwrap();
        fs::write(dir.path().join("technote.toml"), "mine").unwrap();
        let refused = init(dir.path()).unwrap_err();
        assert!(refused.message.contains("exists already"), "{refused}");
        assert_eq!(
            fs::read_to_string(dir.path().join("technote.toml")).unwrap(),
            "mine"
        );
        assert!(!dir.path().join("content").exists());
    }
}
