//! HTML → [`Document`]: the article's main text is extracted with `dom_smoothie`
//! (a port of Mozilla's Readability), then its cleaned HTML is walked into blocks.
//!
//! Nothing here runs scripts or fetches anything: scripts, styles, images,
//! frames and forms are dropped, and the URLs of links are only kept as text
//! attributes.

use dom_query::{Document as Dom, NodeRef};

use crate::document::builder::Builder;
use crate::document::markdown::is_placeholder_url;
use crate::document::{BlockKind, Meta, SpanStyle, dates::parse_loose_date};

/// Deeper nesting than this is flattened to its text, so hostile input cannot
/// exhaust the stack.
const MAX_DEPTH: usize = 200;

/// Elements whose content is never shown.
const SKIPPED: &[&str] = &[
    "script", "style", "noscript", "template", "iframe", "object", "embed", "svg", "math",
    "canvas", "head", "img", "picture", "video", "audio", "source", "form", "button", "input",
    "select", "textarea", "nav", "link", "meta",
];

/// Elements that start a new block around their content.
const CONTAINERS: &[&str] = &[
    "div", "section", "article", "main", "aside", "header", "footer", "figure", "ul", "ol", "dl",
    "table", "thead", "tbody", "tfoot", "body", "html", "details", "summary", "hr", "address",
    "center",
];

/// Separators between a page's title and its site's name.
const TITLE_SEPARATORS: [&str; 6] = [" - ", " | ", " – ", " — ", " :: ", " · "];

/// `title` without the site's name a page adds to it ("Installation - The
/// Rust Programming Language" → "Installation"): a part is dropped when it
/// is one of the site's `names` (its `og:site_name`, its application name),
/// or when the other part is the page's own heading. A part that is a
/// site's name is never what is kept, and a heading kept from the end of
/// the title ("Site | Heading") is never shorter than what it drops: a
/// site's logo set as a heading ("V8") is not the page's title.
fn without_site_name(title: &str, names: &[String], headings: &[String]) -> String {
    let same = |a: &str, b: &str| a.trim().eq_ignore_ascii_case(b.trim());
    let is_site = |s: &str| names.iter().any(|x| same(x, s));
    let is_heading = |s: &str| !s.trim().is_empty() && headings.iter().any(|h| same(h, s));
    if is_heading(title) && !is_site(title) {
        return title.to_owned();
    }
    for sep in TITLE_SEPARATORS {
        // "Title - Site"
        if let Some((head, tail)) = title.rsplit_once(sep)
            && !head.trim().is_empty()
            && !is_site(head)
            && (is_site(tail) || is_heading(head))
        {
            return head.trim().to_owned();
        }
        // "Site | Title"
        if let Some((head, tail)) = title.split_once(sep)
            && !tail.trim().is_empty()
            && !is_site(tail)
            && (is_site(head) || (is_heading(tail) && tail.trim().len() >= head.trim().len()))
        {
            return tail.trim().to_owned();
        }
    }
    title.to_owned()
}

/// Extracts the readable part of `source` into the builder and returns the metadata.
pub(crate) fn build(source: &str, b: &mut Builder, fallback_title: &str) -> Meta {
    let mut meta = Meta::default();
    let full = Dom::from(source);
    super::html_clean::clean(&full);
    let article = dom_smoothie::Readability::with_document(full.clone(), None, None)
        .ok()
        .and_then(|mut r| r.parse().ok());
    let head_title = full
        .select("head title")
        .nodes()
        .first()
        .map(|n| collapse(&n.text()));
    let content = if let Some(article) = &article {
        meta.title = collapse(&article.title);
        meta.source = article.site_name.as_deref().map(collapse);
        meta.byline = article.byline.as_deref().map(collapse);
        meta.published = article
            .published_time
            .as_deref()
            .and_then(parse_loose_date)
            .map(|d| d.0);
        Dom::from(article.content.to_string())
    } else {
        full.clone()
    };
    if meta.title.is_empty() {
        meta.title = head_title
            .filter(|t| !t.is_empty())
            .unwrap_or_else(|| fallback_title.to_owned());
    }
    let headings: Vec<String> = full
        .select("h1, h2, .menu-title")
        .nodes()
        .iter()
        .map(|n| collapse(&n.text()))
        .collect();
    let mut names: Vec<String> = full
        .select("meta[property='og:site_name'], meta[name='application-name']")
        .nodes()
        .iter()
        .filter_map(|n| n.attr("content").map(|c| collapse(&c)))
        .collect();
    names.extend(meta.source.clone());
    meta.title = without_site_name(&meta.title, &names, &headings);
    meta.source = meta.source.filter(|s| !s.is_empty());
    meta.byline = meta.byline.filter(|s| !s.is_empty());

    b.title_and_dateline(
        &meta.title,
        &[
            meta.source.clone(),
            meta.byline.clone(),
            meta.published.map(|d| d.strftime("%B %-d, %Y").to_string()),
        ],
    );

    let mut walker = Walker {
        b,
        quote_depth: 0,
        lists: Vec::new(),
        title: normalise(&meta.title),
        title_seen: false,
    };
    let root = content.body().unwrap_or_else(|| content.root());
    walker.children(&root, 0);
    walker.b.end_block();
    meta
}

/// A book: its title and dateline from `meta`, then every chapter's body in
/// reading order (no article extraction: nothing of a book is boilerplate);
/// a chapter with no heading of its own gets its table-of-contents label.
pub(crate) fn build_chapters(meta: &Meta, chapters: &[(String, String)], b: &mut Builder) {
    b.title_and_dateline(
        &meta.title,
        &[
            meta.byline.clone(),
            meta.source.clone(),
            meta.published.map(|d| d.strftime("%B %-d, %Y").to_string()),
        ],
    );
    for (label, xhtml) in chapters {
        let dom = Dom::from(xhtml.as_str());
        super::html_clean::linearise_math(&dom);
        let label = collapse(label);
        if dom.select("h1, h2, h3").nodes().is_empty() && !label.is_empty() {
            b.start_block(BlockKind::Heading { level: 2 }, 0, 0);
            b.text(&label);
            b.end_block();
        }
        let mut walker = Walker {
            b: &mut *b,
            quote_depth: 0,
            lists: Vec::new(),
            title: normalise(&meta.title),
            title_seen: true,
        };
        let root = dom.body().unwrap_or_else(|| dom.root());
        walker.children(&root, 0);
        walker.b.end_block();
    }
}

fn collapse(s: &str) -> String {
    s.split_whitespace().collect::<Vec<_>>().join(" ")
}

fn normalise(s: &str) -> String {
    collapse(s).to_lowercase()
}

struct Walker<'b> {
    b: &'b mut Builder,
    quote_depth: u8,
    /// One entry per open list: the next number for ordered lists.
    lists: Vec<Option<u64>>,
    /// The title, to skip a heading that repeats it.
    title: String,
    title_seen: bool,
}

impl Walker<'_> {
    fn list_depth(&self) -> u8 {
        u8::try_from(self.lists.len()).unwrap_or(u8::MAX)
    }

    fn children(&mut self, node: &NodeRef<'_>, depth: usize) {
        for child in node.children_it(false) {
            self.node(&child, depth + 1);
        }
    }

    fn ensure_block(&mut self) {
        if !self.b.in_block() {
            self.b
                .start_block(BlockKind::Paragraph, self.quote_depth, self.list_depth());
        }
    }

    fn node(&mut self, node: &NodeRef<'_>, depth: usize) {
        if node.is_text() {
            let text = node.text();
            if !text.trim().is_empty() {
                self.ensure_block();
            }
            self.b.text(&text);
            return;
        }
        if !node.is_element() {
            return;
        }
        let name = node
            .node_name()
            .map(|n| n.to_ascii_lowercase())
            .unwrap_or_default();
        if depth > MAX_DEPTH {
            self.ensure_block();
            self.b.text(&node.text());
            return;
        }
        if SKIPPED.contains(&name.as_str()) {
            return;
        }
        match name.as_str() {
            "p" | "dt" | "dd" | "figcaption" | "caption" | "tr" => {
                self.block(node, BlockKind::Paragraph, depth);
            }
            "h1" | "h2" | "h3" | "h4" | "h5" | "h6" => {
                if !self.title_seen && normalise(&node.text()) == self.title {
                    self.title_seen = true;
                    return;
                }
                let level = name[1..].parse().unwrap_or(2);
                self.block(node, BlockKind::Heading { level }, depth);
            }
            "pre" => self.block(node, BlockKind::Code, depth),
            "blockquote" => {
                self.b.end_block();
                self.quote_depth = self.quote_depth.saturating_add(1);
                self.children(node, depth);
                self.b.end_block();
                self.quote_depth = self.quote_depth.saturating_sub(1);
            }
            "ul" | "ol" => {
                self.b.end_block();
                let start = node.attr("start").and_then(|s| s.parse().ok()).unwrap_or(1);
                self.lists.push((name == "ol").then_some(start));
                self.children(node, depth);
                self.b.end_block();
                self.lists.pop();
            }
            "li" => {
                self.b
                    .start_block(BlockKind::Paragraph, self.quote_depth, self.list_depth());
                let marker = match self.lists.last_mut() {
                    Some(Some(n)) => {
                        let m = format!("{n}.");
                        *n += 1;
                        m
                    }
                    _ => "•".to_owned(),
                };
                self.b.set_marker(marker);
                self.children(node, depth);
                self.b.end_block();
            }
            "br" => self.b.line_break(),
            "td" | "th" => {
                self.ensure_block();
                self.b.text(" | ");
                self.children(node, depth);
            }
            "a" => {
                let href = node.attr("href").map(|h| h.to_string()).unwrap_or_default();
                let real = !is_placeholder_url(&href) && !href.starts_with("javascript:");
                self.inline(node, real.then_some(SpanStyle::Link { url: href }), depth);
            }
            "em" | "i" | "cite" | "dfn" | "var" => {
                self.inline(node, Some(SpanStyle::Emphasis), depth);
            }
            "strong" | "b" => self.inline(node, Some(SpanStyle::Strong), depth),
            "code" | "kbd" | "samp" | "tt" => self.inline(node, Some(SpanStyle::Code), depth),
            "del" | "s" | "strike" => self.inline(node, Some(SpanStyle::Strikethrough), depth),
            _ if CONTAINERS.contains(&name.as_str()) => {
                self.b.end_block();
                self.children(node, depth);
                self.b.end_block();
            }
            _ => self.children(node, depth),
        }
    }

    fn block(&mut self, node: &NodeRef<'_>, kind: BlockKind, depth: usize) {
        self.b
            .start_block(kind, self.quote_depth, self.list_depth());
        self.children(node, depth);
        self.b.end_block();
    }

    fn inline(&mut self, node: &NodeRef<'_>, style: Option<SpanStyle>, depth: usize) {
        if let Some(style) = style {
            self.b.open_span(style);
            self.children(node, depth);
            self.b.close_span();
        } else {
            self.children(node, depth);
        }
    }
}

#[cfg(test)]
mod tests {
    use super::without_site_name;
    use crate::document::{BlockKind, SpanStyle, builder::Builder};

    fn parse(src: &str) -> (crate::document::Meta, String, Vec<crate::document::Block>) {
        let mut b = Builder::default();
        let meta = super::build(src, &mut b, "fallback");
        let (text, blocks, _, _) = b.finish();
        (meta, text, blocks)
    }

    #[test]
    fn the_site_name_is_dropped_from_a_page_title() {
        let headings = |h: &[&str]| h.iter().map(|s| (*s).to_owned()).collect::<Vec<_>>();
        let book = headings(&["The Rust Programming Language", "Installation"]);
        assert_eq!(
            without_site_name("Installation - The Rust Programming Language", &[], &book),
            "Installation"
        );
        let reuters = headings(&["Reuters"]);
        assert_eq!(
            without_site_name("Huawei ban | Reuters", &reuters, &[]),
            "Huawei ban"
        );
        assert_eq!(
            without_site_name("Reuters | Huawei ban", &reuters, &[]),
            "Huawei ban"
        );
        // A dash inside a real title stays.
        assert_eq!(
            without_site_name("U.K. - U.S. talks resume", &[], &headings(&["Other"])),
            "U.K. - U.S. talks resume"
        );
        // The site's name is a heading too (its logo, its meta name): the
        // title is kept, never the name.
        let blog = "Outside the web: standalone binaries using a compiler · Devblog";
        let logo = headings(&["Devblog"]);
        assert_eq!(
            without_site_name(blog, &logo, &logo),
            "Outside the web: standalone binaries using a compiler"
        );
        assert_eq!(
            without_site_name(blog, &[], &logo),
            blog,
            "a logo heading alone does not make the title"
        );
    }

    const PAGE: &str = r#"<!doctype html><html><head><title>Big News Today</title>
<meta property="article:published_time" content="2021-03-04T09:00:00Z">
<meta property="og:site_name" content="The Daily">
<script>alert("x")</script><style>p{color:red}</style></head>
<body><nav><a href="/">Home</a> <a href="/about">About</a></nav>
<article><h1>Big News Today</h1>
<p>The first paragraph of the story is long enough to be taken as the article's main text by the extractor, with <a href="https://example.com/x">a real link</a> and <em>emphasis</em>.</p>
<p>A second paragraph keeps going with more words, so that the readability scoring is happy with it and keeps it as part of the article body.</p>
<blockquote><p>A quoted passage that is also long enough to matter for the extraction of the content.</p></blockquote>
<ul><li>First point of a list</li><li>Second point of a list</li></ul>
<script>document.write("never")</script>
</article><footer>Copyright</footer></body></html>"#;

    #[test]
    fn extracts_main_text_and_metadata() {
        let (meta, text, blocks) = parse(PAGE);
        assert_eq!(meta.title, "Big News Today");
        assert_eq!(meta.published, Some(jiff::civil::date(2021, 3, 4)));
        assert_eq!(blocks[0].kind, BlockKind::Title);
        assert!(text.starts_with("Big News Today\n\n"), "{text}");
        assert!(text.contains("with a real link and emphasis."), "{text}");
        assert!(!text.contains("alert"));
        assert!(!text.contains("never"));
        assert!(!text.contains("p{color"));
        assert!(!text.contains("Home"));
        assert_eq!(text.matches("Big News Today").count(), 1, "{text}");
        assert!(blocks.iter().any(|b| b.quote_depth == 1));
        assert!(blocks.iter().any(|b| b.marker.as_deref() == Some("•")));
    }

    #[test]
    fn deep_nesting_is_flattened_without_overflow() {
        let depth = 5000;
        let src = format!(
            "<html><body>{}deep text{}</body></html>",
            "<div>".repeat(depth),
            "</div>".repeat(depth)
        );
        let (_, text, _) = parse(&src);
        assert!(text.contains("deep text"));
    }

    #[test]
    fn links_keep_url_and_javascript_is_dropped() {
        let mut b = Builder::default();
        let mut w = super::Walker {
            b: &mut b,
            quote_depth: 0,
            lists: Vec::new(),
            title: String::new(),
            title_seen: true,
        };
        let dom = dom_query::Document::from(
            r#"<p><a href="https://a.example/">ok</a> <a href="javascript:alert(1)">bad</a></p>"#,
        );
        let body = dom.body().expect("body");
        w.children(&body, 0);
        let (text, _, spans, _) = b.finish();
        assert_eq!(text, "ok bad");
        assert_eq!(spans.len(), 1);
        assert_eq!(
            spans[0].style,
            SpanStyle::Link {
                url: "https://a.example/".into()
            }
        );
    }
}
