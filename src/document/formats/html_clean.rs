//! A web page's furniture, taken out before the article is extracted:
//! photo captions and credits, gallery controls, share / newsletter /
//! comment boxes, related-story teasers, author boxes and "Updated …"
//! lines; and what the extractor would lose, put in a form it keeps: the
//! text of embedded posts (tweets, Bluesky, Mastodon, Instagram) and `MathML`
//! as readable text (`((4πdf)/c)^2`).
//!
//! Rules are by class / id names news sites use and by the exact short
//! texts of their controls; an element that holds the article (its `h1`,
//! an `article` or `main` element, or most of the page's paragraphs) is
//! never removed, whatever its class says.

use std::fmt::Write as _;

use dom_query::{Document as Dom, NodeRef};

use crate::document::mail::escape;

/// At most this many nodes under an element whose text is looked at.
const SMALL: usize = 40;

/// Class / id words (split at `-`, `_` and spaces) that name furniture.
const FURNITURE_WORDS: &[&str] = &[
    "share",
    "sharing",
    "sharebar",
    "social",
    "newsletter",
    "newsletters",
    "signup",
    "subscribe",
    "subscription",
    "comments",
    "comment",
    "disqus",
    "related",
    "recommended",
    "recirc",
    "outbrain",
    "taboola",
    "promo",
    "caption",
    "captions",
    "credit",
    "credits",
    "advert",
    "advertisement",
    "sponsored",
    "teaser",
    "teasers",
    "trending",
    "popular",
    "bio",
];

/// Class / id phrases that name furniture as a whole.
const FURNITURE_PHRASES: &[&str] = &[
    "author-box",
    "authorbox",
    "about-author",
    "author-info",
    "author-card",
    "more-stories",
    "more-from",
    "read-more",
    "most-read",
    "gallery-controls",
    "gallery-nav",
    "ad-slot",
    "contributor-card",
    "contributor-bio",
    "contributor-box",
    "author-bio",
    "author-about",
];

/// The whole text of a control: share buttons, gallery controls, ad labels.
const CONTROL_TEXTS: &[&str] = &[
    "share",
    "share this",
    "share this article",
    "share this story",
    "share on facebook",
    "share on twitter",
    "share on x",
    "share via email",
    "tweet",
    "email",
    "e-mail",
    "print",
    "copy link",
    "copy link to clipboard",
    "link copied",
    "facebook",
    "twitter",
    "x",
    "whatsapp",
    "linkedin",
    "reddit",
    "pinterest",
    "telegram",
    "messenger",
    "save",
    "save article",
    "gift",
    "gift article",
    "previous",
    "next",
    "prev",
    "view gallery",
    "open gallery",
    "view slideshow",
    "expand",
    "enlarge this image",
    "enlarge",
    "fullscreen",
    "full screen",
    "close",
    "advertisement",
    "ad",
    "story continues below advertisement",
    "article continues below",
    "continue reading",
    "skip advertisement",
    "listen to this article",
    "comments",
    "show comments",
    "view comments",
    "leave a comment",
    "join the conversation",
];

/// Labels of a line that only points to another story.
const TEASER_LABELS: &[&str] = &[
    "read more",
    "related",
    "see also",
    "also read",
    "read also",
    "more",
    "recommended",
    "watch",
    "listen",
    "most read",
    "related story",
    "related article",
    "related coverage",
    "further reading",
    "don't miss",
    "also see",
];

/// Classes of embedded posts whose text is the story's own quote.
const EMBEDS: &str = "blockquote.twitter-tweet, blockquote.twitter-video, blockquote.bluesky-embed, \
     blockquote.mastodon-embed, blockquote.instagram-media, blockquote.tiktok-embed, \
     blockquote.threads-embed, blockquote.text-post-media, div.fb-post";

/// Cleans `dom` in place (see the module's docs).
pub(crate) fn clean(dom: &Dom) {
    linearise_math(dom);
    for post in dom.select(EMBEDS).nodes() {
        let html = embedded_post(post);
        post.replace_with_html(html);
    }
    let protected = protected_nodes(dom);
    let page_paragraphs = dom.select("p").length().max(1);
    let mut doomed = Vec::new();
    for node in dom.select("body *").nodes() {
        if is_furniture(node, &protected, page_paragraphs) {
            doomed.push(*node);
        }
    }
    for node in doomed {
        node.remove_from_parent();
    }
}

/// Every `math` element replaced by its readable text (a block of its own
/// when it is displayed as one).
pub(crate) fn linearise_math(dom: &Dom) {
    for math in dom.select("math").nodes() {
        // Outermost only: a nested `math` went with its ancestor.
        if math.ancestors(None).iter().any(|a| a.has_name("math")) {
            continue;
        }
        let text = super::mathml::linear(math);
        let block = math.attr("display").is_some_and(|d| &*d == "block");
        let tag = if block { "div" } else { "span" };
        math.replace_with_html(format!("<{tag}>{}</{tag}>", escape(&text)));
    }
}

/// The `h1`, `article`, `main` and `itemprop=articleBody` elements: what
/// holds them is the article's frame, never furniture.
fn protected_nodes(dom: &Dom) -> Vec<dom_query::NodeId> {
    dom.select("h1, article, main, [itemprop='articleBody']")
        .nodes()
        .iter()
        .map(|n| n.id)
        .collect()
}

fn is_furniture(node: &NodeRef<'_>, protected: &[dom_query::NodeId], paragraphs: usize) -> bool {
    let name = node.node_name().unwrap_or_default().to_ascii_lowercase();
    if matches!(
        name.as_str(),
        "article" | "main" | "body" | "html" | "h1" | "blockquote"
    ) {
        return false;
    }
    if name == "figcaption" {
        return true;
    }
    if name == "a" && is_permalink(node) {
        return true;
    }
    if name == "figure" {
        return node.find(&["blockquote"]).is_empty()
            && node.find(&["table"]).is_empty()
            && node.find(&["pre"]).is_empty();
    }
    let holds_article = || {
        protected.contains(&node.id)
            || node.descendants_it().any(|d| protected.contains(&d.id))
            || node.find(&["p"]).len() * 2 > paragraphs
    };
    if named_as_furniture(node) {
        return !holds_article();
    }
    let leaf = matches!(
        name.as_str(),
        "p" | "li"
            | "span"
            | "a"
            | "button"
            | "div"
            | "time"
            | "small"
            | "h2"
            | "h3"
            | "h4"
            | "h5"
            | "h6"
            | "strong"
            | "em"
            | "ul"
    ) && node.find(&["p"]).is_empty();
    // Controls and one-line notices are small; a big subtree is never read
    // whole here (that would be quadratic on deep pages).
    if !leaf || node.descendants_it().nth(SMALL).is_some() {
        return false;
    }
    let text = collapse(&node.text());
    if text.is_empty() {
        return false;
    }
    if name == "ul" {
        // A list of share buttons.
        let items = node.find(&["li"]);
        return !items.is_empty() && items.iter().all(|li| is_control(&collapse(&li.text())));
    }
    is_control(&text)
        || is_update_line(&text)
        || is_credit_line(&text)
        || is_newsletter_line(&text)
        || (matches!(name.as_str(), "p" | "div" | "li") && is_teaser_line(node, &text))
}

/// Whether the class or id of `node` names furniture. An id made from
/// the element's own heading (documentation generators give each section
/// the slug of its title: "Sharing mutable changesets" →
/// `sharing-mutable-changesets`) names a section of the text, not a share
/// box, and is not read as a name.
fn named_as_furniture(node: &NodeRef<'_>) -> bool {
    let mut names = String::new();
    for attr in ["class", "id", "data-component", "data-testid"] {
        if let Some(v) = node.attr(attr) {
            if attr == "id" && is_heading_slug(node, &v) {
                continue;
            }
            names.push(' ');
            names.push_str(&v.to_ascii_lowercase());
        }
    }
    if names.trim().is_empty() {
        return false;
    }
    if FURNITURE_PHRASES.iter().any(|p| names.contains(p)) {
        return true;
    }
    names
        .split(|c: char| c.is_whitespace() || c == '-' || c == '_')
        .any(|w| FURNITURE_WORDS.contains(&w))
}

/// A heading's permalink: a link to an anchor on the page whose whole
/// text is a mark ("¶", "#", "§", "🔗"), as documentation generators add.
fn is_permalink(node: &NodeRef<'_>) -> bool {
    node.attr("href").is_some_and(|h| h.starts_with('#'))
        && matches!(node.text().trim(), "¶" | "#" | "§" | "🔗")
}

/// Whether `id` is the slug of the first heading inside `node`.
fn is_heading_slug(node: &NodeRef<'_>, id: &str) -> bool {
    let words = |s: &str| -> Vec<String> {
        s.split(|c: char| !c.is_alphanumeric())
            .filter(|w| !w.is_empty())
            .map(str::to_lowercase)
            .collect()
    };
    let id = words(id);
    if id.is_empty() {
        return false;
    }
    let Some(heading) = node
        .find(&["h1"])
        .into_iter()
        .chain(node.find(&["h2"]))
        .chain(node.find(&["h3"]))
        .chain(node.find(&["h4"]))
        .next()
    else {
        return false;
    };
    let title = words(&heading.text());
    if title.len() < id.len() || title[..id.len()] != id[..] {
        return false;
    }
    // A section of text: paragraphs or a listing, mostly not links (a box
    // of related links titled "Related stories" is still furniture).
    if node.find(&["p"]).is_empty() && node.find(&["pre"]).is_empty() {
        return false;
    }
    let all = node.text().chars().filter(|c| !c.is_whitespace()).count();
    let linked: usize = node
        .find(&["a"])
        .iter()
        .map(|a| a.text().chars().filter(|c| !c.is_whitespace()).count())
        .sum();
    linked * 10 < all * 3
}

fn is_control(text: &str) -> bool {
    let t = text
        .trim_matches(|c: char| !c.is_alphanumeric())
        .to_lowercase();
    if CONTROL_TEXTS.contains(&t.as_str()) {
        return true;
    }
    // "3 of 12", "3 / 12", "Image 3 of 12", "Photo 3 of 12"
    let t = t
        .trim_start_matches("image ")
        .trim_start_matches("photo ")
        .trim_start_matches("slide ");
    let parts: Vec<&str> = t.split_whitespace().collect();
    matches!(parts.as_slice(), [a, "of" | "/", b] if is_number(a) && is_number(b))
        || t.split_once('/')
            .is_some_and(|(a, b)| is_number(a.trim()) && is_number(b.trim()))
}

fn is_number(s: &str) -> bool {
    !s.is_empty() && s.len() <= 4 && s.bytes().all(|b| b.is_ascii_digit())
}

/// "Updated January 29, 2020 6:12 p.m. ET", "Last updated 3 hours ago",
/// "Published 10:42 GMT": a label and a time, nothing else.
fn is_update_line(text: &str) -> bool {
    let lower = text.to_lowercase();
    let Some(rest) = [
        "updated",
        "last updated",
        "published",
        "first published",
        "posted",
    ]
    .iter()
    .find_map(|l| lower.strip_prefix(l)) else {
        return false;
    };
    let rest = rest.trim_start_matches([':', ' ', '\u{a0}']);
    if rest.chars().count() > 60 || rest.split_whitespace().count() > 9 {
        return false;
    }
    let timeish = rest.contains(" ago")
        || rest.contains(':')
        || [
            " am", " pm", "a.m.", "p.m.", " et", " gmt", " utc", " bst", " cet",
        ]
        .iter()
        .any(|z| rest.ends_with(z.trim_start()) || rest.contains(&format!("{z} ")))
        || crate::document::dates::parse_loose_date(rest).is_some()
        || crate::document::month_from_name(rest.split_whitespace().next().unwrap_or_default())
            .is_some();
    timeish && rest.chars().any(|c| c.is_ascii_digit())
}

/// "Photograph: Ian Marsh/Getty Images", "Illustration by Tom Hale",
/// "(AP Photo/Jane Doe)".
fn is_credit_line(text: &str) -> bool {
    let lower = text.to_lowercase();
    let lower = lower.trim_start_matches('(');
    if text.chars().count() > 120 {
        return false;
    }
    [
        "photo:",
        "photo by ",
        "photograph:",
        "photograph by ",
        "photos:",
        "image:",
        "image by ",
        "picture:",
        "credit:",
        "illustration:",
        "illustration by ",
        "graphic:",
        "video:",
        "ap photo",
        "photo credit",
    ]
    .iter()
    .any(|p| lower.starts_with(p))
        || [
            "/getty images",
            "/getty images)",
            "/reuters",
            "/afp",
            "/ap",
            "/shutterstock",
        ]
        .iter()
        .any(|s| lower.ends_with(s))
}

/// A short line asking to sign up: "Sign up for our daily newsletter".
fn is_newsletter_line(text: &str) -> bool {
    let lower = text.to_lowercase();
    text.chars().count() <= 160
        && (lower.starts_with("sign up") || lower.starts_with("subscribe"))
        && (lower.contains("newsletter")
            || lower.contains("inbox")
            || lower.contains("briefing")
            || lower.contains("alerts"))
}

/// "Read more: <a>Another story</a>": a label, then only a link.
fn is_teaser_line(node: &NodeRef<'_>, text: &str) -> bool {
    let Some((label, rest)) = text.split_once(':') else {
        return false;
    };
    let label = label.trim().to_lowercase();
    if !TEASER_LABELS.contains(&label.as_str()) || rest.trim().is_empty() {
        return false;
    }
    let linked: usize = node
        .find(&["a"])
        .iter()
        .map(|a| collapse(&a.text()).chars().count())
        .sum();
    linked * 10 >= rest.trim().chars().count() * 8
}

/// An embedded post as a quote: its paragraphs with the links' text only
/// (bare `https://t.co/…` links dropped), then its attribution line.
fn embedded_post(post: &NodeRef<'_>) -> String {
    let mut out = String::from("<blockquote>");
    let mut attribution = String::new();
    for child in post.children_it(false) {
        let text = if child.is_element() {
            child
                .descendants_it()
                .filter(NodeRef::is_text)
                .filter(|d| {
                    !d.parent()
                        .is_some_and(|p| p.has_name("a") && is_bare_url(&p.text()))
                })
                .map(|d| d.text().to_string())
                .collect::<String>()
        } else {
            child.text().to_string()
        };
        if child.has_name("p") || child.has_name("div") {
            let text = collapse(&text);
            if !text.is_empty() {
                let _ = write!(out, "<p>{}</p>", escape(&text));
            }
        } else {
            attribution.push_str(&text);
        }
    }
    let attribution = collapse(&attribution);
    if !attribution.is_empty() {
        let _ = write!(out, "<p>{}</p>", escape(&attribution));
    }
    out.push_str("</blockquote>");
    out
}

fn is_bare_url(text: &str) -> bool {
    let t = text.trim();
    t.starts_with("http://") || t.starts_with("https://") || t.starts_with("pic.twitter.com")
}

fn collapse(s: &str) -> String {
    s.split_whitespace().collect::<Vec<_>>().join(" ")
}
