//! Words the synthetic technotes are made of, in English and French
//! (Japanese, Chinese and Korean in `cjk.rs`).
//!
//! Sentences are drawn from small phrase lists so that pages read like
//! technotes (same vocabulary, sentence length and punctuation, including
//! the HTML entities that machine translation leaves, such as `&#39;`),
//! without copying any real document.

use fastrand::Rng;

/// Where a sentence puts its verb.
pub enum WordOrder {
    /// Subject, verb, object, ending (English, French, Chinese).
    VerbFirst,
    /// Subject, ending, object, verb (Japanese, Korean): the verb carries
    /// the final punctuation and the ending is an adverbial.
    VerbLast,
}

/// The phrases and fixed labels of one language.
pub struct Language {
    pub order: WordOrder,
    /// Between the parts of a sentence: a space, or nothing in Chinese and Japanese.
    pub separator: &'static str,
    pub(super) subjects: &'static [&'static str],
    pub(super) verbs: &'static [&'static str],
    pub(super) objects: &'static [&'static str],
    pub(super) endings: &'static [&'static str],
    /// Product and company names, written with `[!DNL ...]`.
    pub names: &'static [&'static str],
    /// Interface labels, written with `[!UICONTROL ...]`.
    pub controls: &'static [&'static str],
    /// Beginnings of FAQ questions; a verb and an object follow.
    pub question_starts: &'static [&'static str],
    pub question_end: &'static str,
    /// Headings of the fixed sections, with their stable ids.
    pub what_changed: &'static str,
    pub who_is_affected: &'static str,
    pub how_to_update: &'static str,
    pub details: &'static str,
    pub faq: &'static str,
    pub useful_links: &'static str,
    pub tabs: [&'static str; 2],
    pub related: &'static str,
    pub video: &'static str,
    pub image_alt: &'static str,
    pub table_header: [&'static str; 3],
    pub features: &'static [&'static str],
    pub title_prefix: &'static str,
    pub badge_tooltip: &'static str,
}

impl Language {
    /// The language of a locale tag: French, Japanese, Chinese (`zh-Hant`
    /// traditional, other `zh` simplified), Korean, else English.
    pub fn for_locale(tag: &str) -> &'static Language {
        let language = tag.split('-').next().unwrap_or(tag);
        match language {
            "fr" => &FRENCH,
            "ja" => &super::cjk::JAPANESE,
            "ko" => &super::cjk::KOREAN,
            "zh" if tag.contains("Hant") => &super::cjk::TRADITIONAL_CHINESE,
            "zh" => &super::cjk::SIMPLIFIED_CHINESE,
            _ => &ENGLISH,
        }
    }

    /// One plain sentence, ending with its punctuation.
    pub fn sentence(&self, rng: &mut Rng, out: &mut String) {
        let subject = pick(rng, self.subjects);
        let verb = pick(rng, self.verbs);
        let object = pick(rng, self.objects);
        let ending = pick(rng, self.endings);
        let parts = match self.order {
            WordOrder::VerbFirst => [subject, verb, object],
            WordOrder::VerbLast => [subject, ending, object],
        };
        for part in parts {
            out.push_str(part);
            out.push_str(self.separator);
        }
        match self.order {
            WordOrder::VerbFirst => out.push_str(ending),
            WordOrder::VerbLast => out.push_str(verb),
        }
    }

    /// A question made of the same phrases, e.g. for FAQ entries.
    pub fn question(&self, rng: &mut Rng, out: &mut String) {
        out.push_str(pick(rng, self.question_starts));
        out.push_str(self.separator);
        out.push_str(pick(rng, self.objects));
        out.push_str(self.question_end);
    }

    /// A short phrase for list items and link texts.
    pub fn phrase(&self, rng: &mut Rng) -> &'static str {
        pick(rng, self.objects)
    }
}

/// One element of a list, or "" for an empty one.
pub fn pick<'a>(rng: &mut Rng, list: &[&'a str]) -> &'a str {
    list.get(rng.usize(..list.len().max(1)))
        .copied()
        .unwrap_or("")
}

static ENGLISH: Language = Language {
    order: WordOrder::VerbFirst,
    separator: " ",
    subjects: &[
        "The operator",
        "Each administrator",
        "The client console",
        "Your marketing server",
        "The upgrade assistant",
        "A hosted instance",
        "The sign-in window",
        "The workflow engine",
        "The delivery report",
        "An on-premise deployment",
        "The mid-sourcing server",
        "Every technical workflow",
        "The security team",
        "The tracking module",
        "A hybrid installation",
    ],
    verbs: &[
        "checks",
        "downloads",
        "needs",
        "replaces",
        "opens",
        "keeps",
        "sends",
        "validates",
        "updates",
        "lists",
        "refreshes",
        "rejects",
        "stores",
        "compares",
    ],
    objects: &[
        "the latest build",
        "the security token",
        "every saved filter",
        "the list of recipients",
        "the connection settings",
        "the audit log",
        "the operator's rights",
        "the embedded browser engine",
        "the certificate chain",
        "the package of the new release",
        "the schedule of the next campaign",
        "the message templates",
        "the external accounts",
        "the database cleanup task",
    ],
    endings: &[
        "before the next release.",
        "on each workstation.",
        "when the session expires.",
        "in the same order as the server.",
        "without any downtime.",
        "after a restart of the services.",
        "so that operators can keep working.",
        "as soon as the upgrade is over.",
        "for every instance you manage.",
        "once a day, at night.",
        "and reports what it could not do.",
        "while the previous version still runs.",
    ],
    names: &[
        "Adobe Campaign Classic",
        "Adobe Identity Management System",
        "Microsoft Edge WebView2",
        "Adobe Experience Cloud",
        "Windows Server",
    ],
    controls: &[
        "Help",
        "About",
        "Connect with an Adobe ID",
        "Tools",
        "Advanced parameters",
        "Save",
        "Explorer",
    ],
    question_starts: &[
        "How do I check",
        "Where do I find",
        "When should I update",
        "Who can change",
        "Why does the console reject",
        "What happens to",
    ],
    question_end: "?",
    what_changed: "What changed?",
    who_is_affected: "Are you affected?",
    how_to_update: "How to update",
    details: "In detail",
    faq: "FAQ",
    useful_links: "Useful links",
    tabs: ["Hosted", "On-premise / hybrid"],
    related: "See also",
    video: "Watch the walkthrough",
    image_alt: "The sign-in window of the client console",
    table_header: ["Component", "Minimum", "Notes"],
    features: &[
        "Technote",
        "Upgrade",
        "Installation",
        "Security",
        "Workflows",
        "Deliverability",
        "Monitoring",
        "Privacy",
    ],
    title_prefix: "Technote - ",
    badge_tooltip: "Applies to Campaign Classic v7 only",
};

static FRENCH: Language = Language {
    order: WordOrder::VerbFirst,
    separator: " ",
    subjects: &[
        "L&#39;opérateur",
        "Chaque administrateur",
        "La console cliente",
        "Votre serveur marketing",
        "L&#39;assistant de mise à niveau",
        "Une instance hébergée",
        "La fenêtre de connexion",
        "Le moteur de workflow",
        "Le rapport de diffusion",
        "Un déploiement on-premise",
        "Le serveur de mid-sourcing",
        "Chaque workflow technique",
        "L&#39;équipe sécurité",
        "Le module de tracking",
        "Une installation hybride",
    ],
    verbs: &[
        "vérifie",
        "télécharge",
        "demande",
        "remplace",
        "ouvre",
        "conserve",
        "envoie",
        "valide",
        "met à jour",
        "liste",
        "actualise",
        "refuse",
        "enregistre",
        "compare",
    ],
    objects: &[
        "le dernier build",
        "le jeton de sécurité",
        "chaque filtre enregistré",
        "la liste des destinataires",
        "les paramètres de connexion",
        "le journal d&#39;audit",
        "les droits de l&#39;opérateur",
        "le moteur de navigation intégré",
        "la chaîne de certificats",
        "le package de la nouvelle version",
        "le calendrier de la prochaine campagne",
        "les modèles de message",
        "les comptes externes",
        "la tâche de nettoyage de la base",
    ],
    endings: &[
        "avant la prochaine version.",
        "sur chaque poste.",
        "quand la session expire.",
        "dans le même ordre que le serveur.",
        "sans interruption de service.",
        "après un redémarrage des services.",
        "pour que les opérateurs continuent à travailler.",
        "dès que la mise à niveau est terminée.",
        "pour chaque instance que vous gérez.",
        "une fois par jour, la nuit.",
        "et signale ce qu&#39;il n&#39;a pas pu faire.",
        "pendant que l&#39;ancienne version tourne encore.",
    ],
    names: &[
        "Adobe Campaign Classic",
        "Adobe Identity Management System",
        "Microsoft Edge WebView2",
        "Adobe Experience Cloud",
        "Windows Server",
    ],
    controls: &[
        "Aide",
        "À propos",
        "Se connecter avec un Adobe ID",
        "Outils",
        "Paramètres avancés",
        "Enregistrer",
        "Explorateur",
    ],
    question_starts: &[
        "Comment vérifier",
        "Où trouver",
        "Quand mettre à jour",
        "Qui peut modifier",
        "Pourquoi la console refuse-t-elle",
        "Que devient",
    ],
    question_end: " ?",
    what_changed: "Qu&#39;est-ce qui a changé ?",
    who_is_affected: "Êtes-vous concerné ?",
    how_to_update: "Comment mettre à jour",
    details: "En détail",
    faq: "FAQ",
    useful_links: "Liens utiles",
    tabs: ["Hébergé", "On-premise / hybride"],
    related: "Voir aussi",
    video: "Regarder la démonstration",
    image_alt: "La fenêtre de connexion de la console cliente",
    table_header: ["Composant", "Minimum", "Remarques"],
    features: &[
        "Technote",
        "Upgrade",
        "Installation",
        "Security",
        "Workflows",
        "Deliverability",
        "Monitoring",
        "Privacy",
    ],
    title_prefix: "Note technique - ",
    badge_tooltip: "S&#39;applique uniquement à Campaign Classic v7",
};
