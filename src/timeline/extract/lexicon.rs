//! The words the tense of a date phrase is read from: markers of past
//! and future, verbs of saying, timetables and intentions, clause openers.

/// Words that point ahead: "will", plans, "next".
pub(super) const FUTURE_MARKERS: &[&str] = &[
    "will",
    "won't",
    "wont",
    "expected",
    "expects",
    "plans",
    "planned",
    "plan",
    "scheduled",
    "due",
    "upcoming",
    "coming",
    "shall",
    "intends",
    "aims",
    "set",
    "forthcoming",
    "expect",
    "hopes",
    "prepared",
    "preparing",
    "tomorrow",
    "next",
    "payable",
];

/// Words that point back: "said", "was", "ago", "last".
pub(super) const PAST_MARKERS: &[&str] = &[
    "said",
    "was",
    "were",
    "had",
    "did",
    "began",
    "ago",
    "announced",
    "reported",
    "told",
    "last",
    "earlier",
    "came",
    "went",
    "took",
    "made",
    "arrested",
    "introduced",
    "yesterday",
];

/// Past tenses of irregular verbs common in news (regular ones end in -ed).
pub(super) const IRREGULAR_PAST: &[&str] = &[
    "met", "told", "took", "gave", "made", "came", "went", "began", "left", "won", "lost", "held",
    "sent", "saw", "found", "fell", "rose", "spoke", "wrote", "paid", "sold", "bought", "built",
    "led", "ran", "struck", "brought", "became", "drew", "flew", "grew", "knew", "threw", "chose",
    "broke", "sought", "fought", "thought", "felt", "kept", "stood", "got", "hit", "shut", "quit",
    "arose", "forbade", "swore", "tore", "wore", "withdrew", "heard", "meant",
];

/// Participles that name a plan: in "a rally planned for Friday was called
/// off" the date belongs to "planned", but its direction comes from the
/// clause's own verb ("was called off").
pub(super) const PLAN_PARTICIPLES: &[&str] = &[
    "planned",
    "scheduled",
    "expected",
    "set",
    "due",
    "slated",
    "supposed",
];

/// Verbs of saying: the saying is not the event ("the deadline is Nov. 15,
/// the agency said"), unless the date is the saying's own ("said on
/// Monday", "told a news conference on Tuesday that …").
pub(super) const SAYING: &[&str] = &[
    "said",
    "says",
    "told",
    "according",
    "announced",
    "predicted",
    "reported",
    "stated",
    "added",
    "declared",
];

/// Words that open a new clause: a date's verb is in its own clause ("Bush
/// told reporters on Tuesday that the blockade might be extended": Tuesday
/// is told's).
pub(super) const CLAUSE_OPENERS: &[&str] = &[
    "that", "which", "who", "whom", "whose", "because", "although", "though", "while", "whereas",
    "but", "if", "unless", "where", "whether",
];

/// Modals of possibility: "could be located Wednesday", "might be extended"
/// say nothing of when; only "will", "would", "shall" and plans point ahead.
/// ("couldn't": its "couldn" is an ability denied, read as "could not".)
pub(super) const POSSIBILITY: &[&str] =
    &["could", "might", "should", "may", "must", "can", "couldn"];

/// Determiners before which an -ed word is an adjective ("the reduced
/// dividend", "a revised plan"), not a verb in the past.
pub(super) const DETERMINERS: &[&str] = &[
    "the", "a", "an", "its", "their", "his", "her", "our", "this", "these", "those", "s",
];

/// Verbs whose present tells a timetable ("the president returns
/// Tuesday", "the exhibition opens on Friday"): right before a date, a
/// future.
pub(super) const TIMETABLE: &[&str] = &[
    "returns",
    "return",
    "arrives",
    "arrive",
    "leaves",
    "departs",
    "begins",
    "begin",
    "starts",
    "start",
    "ends",
    "opens",
    "open",
    "reopens",
    "reopen",
    "closes",
    "resumes",
    "resume",
    "meets",
    "meet",
    "travels",
    "flies",
    "expires",
    "convenes",
    "convene",
    "reconvenes",
    "reconvene",
    "retires",
    "kicks",
    "go",
    "goes",
    "plays",
    "play",
    "premieres",
    "debuts",
];

/// Words after which a timetable verb is none: "did not return", "tax
/// returns", "a swim meet".
pub(super) const NOT_TIMETABLE_AFTER: &[&str] = &[
    "to", "not", "did", "does", "do", "was", "were", "be", "been", "being", "tax", "loose", "swim",
    "track", "never", "t",
];

/// Verbs of intention: before "to", the infinitive looks ahead of them.
pub(super) const INTENTIONS: &[&str] = &[
    "hoped",
    "hope",
    "hopes",
    "wanted",
    "want",
    "wants",
    "aimed",
    "intended",
    "promised",
    "promises",
    "promise",
    "vowed",
    "vows",
    "vow",
    "pledged",
    "pledges",
    "pledge",
    "agreed",
    "agrees",
    "threatened",
    "threatens",
    "decided",
    "decides",
    "sought",
    "seeks",
    "offered",
    "offers",
    "planning",
    "hoping",
    "vowing",
    "promising",
    "threatening",
];

/// Present verbs after which an -ed word says how something is ("stays
/// closed", "is scheduled", "remains frozen"), not what happened.
pub(super) const LINKING: &[&str] = &[
    "is", "are", "am", "stays", "stay", "remains", "remain", "seems", "seem", "looks", "becomes",
    "become", "gets", "get", "keeps", "keep",
];

/// Pasts of verbs in -e that end in -eed ("succeed", "exceed", "need" are
/// not pasts).
pub(super) const E_ED: &[&str] = &[
    "agreed",
    "disagreed",
    "freed",
    "decreed",
    "guaranteed",
    "refereed",
];

/// Words in -ed that are no verbs.
pub(super) const NOT_VERBS_IN_ED: &[&str] = &[
    "hundred", "sacred", "naked", "wicked", "rugged", "kindred", "crooked", "ragged", "jagged",
    "wretched", "beloved", "embed", "shred",
];

/// Words that open a relative clause.
pub(super) const RELATIVE: &[&str] = &["which", "who", "whom", "whose", "where"];
