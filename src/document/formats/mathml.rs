//! `MathML` as readable linear text: `<mfrac><mi>S</mi><mi>N</mi></mfrac>`
//! → `S/N`, `msup` → `a^2`, `msub` → `log_2`, `msqrt` → `√(x)`, operators
//! spaced (`C = B`), the `semantics` annotations left out. What a reader
//! would type to quote the formula, and what a search finds.

use std::fmt::Write as _;

use dom_query::NodeRef;

/// Deeper nesting than this is read as its plain text.
const MAX_DEPTH: usize = 64;

/// `math` (or any `MathML` element) as one line of text.
pub(crate) fn linear(math: &NodeRef<'_>) -> String {
    let mut out = String::new();
    write(math, &mut out, 0);
    out.split_whitespace().collect::<Vec<_>>().join(" ")
}

fn children<'a>(node: &NodeRef<'a>) -> Vec<NodeRef<'a>> {
    node.children_it(false)
        .filter(NodeRef::is_element)
        .collect()
}

/// An operand: wrapped in parentheses when it is more than one token.
fn operand(node: &NodeRef<'_>, depth: usize) -> String {
    let mut s = String::new();
    write(node, &mut s, depth + 1);
    let s = s.split_whitespace().collect::<Vec<_>>().join(" ");
    let simple = s.chars().all(char::is_alphanumeric)
        || (s.starts_with('(') && s.ends_with(')') && s.matches('(').count() == 1);
    if simple { s } else { format!("({s})") }
}

fn write(node: &NodeRef<'_>, out: &mut String, depth: usize) {
    if node.is_text() {
        out.push_str(&node.text());
        return;
    }
    let name = node.node_name().unwrap_or_default().to_ascii_lowercase();
    if depth > MAX_DEPTH {
        out.push_str(&node.text());
        return;
    }
    let kids = children(node);
    match (name.as_str(), kids.as_slice()) {
        ("annotation" | "annotation-xml", _) => {}
        ("semantics", [first, ..]) => write(first, out, depth + 1),
        ("mo", _) => {
            let op = node.text();
            let op = op.trim();
            if matches!(op, "(" | "[" | "{" | "|") {
                out.push_str(op);
            } else if matches!(op, ")" | "]" | "}" | "," | "!" | "′") {
                trim_end(out);
                out.push_str(op);
                if op == "," {
                    out.push(' ');
                }
            } else {
                out.push(' ');
                out.push_str(op);
                out.push(' ');
            }
        }
        ("mi" | "mn" | "mtext" | "ms", _) => {
            let text = node.text();
            // A function name ("log", "sin") stands apart from its argument.
            let word =
                text.trim().chars().count() > 1 && text.trim().chars().all(char::is_alphabetic);
            if word && !out.is_empty() && !out.ends_with([' ', '(']) {
                out.push(' ');
            }
            out.push_str(text.trim());
        }
        ("mfrac", [num, den]) => {
            let (n, d) = (operand(num, depth), operand(den, depth));
            let _ = write!(out, "{n}/{d}");
        }
        ("msup", [base, sup]) => {
            write(base, out, depth + 1);
            let _ = write!(out, "^{}", operand(sup, depth));
        }
        ("msub", [base, sub]) => {
            write(base, out, depth + 1);
            let _ = write!(out, "_{}", operand(sub, depth));
        }
        ("msubsup", [base, sub, sup]) => {
            write(base, out, depth + 1);
            let _ = write!(out, "_{}^{}", operand(sub, depth), operand(sup, depth));
        }
        ("msqrt", _) => {
            let mut inner = String::new();
            for k in &kids {
                write(k, &mut inner, depth + 1);
            }
            let _ = write!(out, "√({})", inner.trim());
        }
        ("mroot", [base, index]) => {
            let _ = write!(out, "{}√{}", operand(index, depth), operand(base, depth));
        }
        ("munder" | "mover" | "munderover", [base, ..]) => write(base, out, depth + 1),
        _ => {
            for child in node.children_it(false) {
                if child.is_element() || child.is_text() {
                    write(&child, out, depth + 1);
                }
            }
        }
    }
}

fn trim_end(out: &mut String) {
    let len = out.trim_end().len();
    out.truncate(len);
}

#[cfg(test)]
mod tests {
    fn read(src: &str) -> String {
        let dom = dom_query::Document::from(src);
        let math = dom.select("math").nodes().first().copied().expect("math");
        super::linear(&math)
    }

    #[test]
    fn formulas_read_as_a_reader_would_type_them() {
        assert_eq!(
            read(
                "<math><mi>C</mi><mo>=</mo><mi>B</mi><msub><mi>log</mi><mn>2</mn></msub><mo>(</mo><mn>1</mn><mo>+</mo><mfrac><mi>S</mi><mi>N</mi></mfrac><mo>)</mo></math>"
            ),
            "C = B log_2(1 + S/N)"
        );
        assert_eq!(
            read(
                "<math><mi>L</mi><mo>=</mo><msup><mrow><mo>(</mo><mfrac><mrow><mn>4</mn><mi>π</mi><mi>d</mi><mi>f</mi></mrow><mi>c</mi></mfrac><mo>)</mo></mrow><mn>2</mn></msup></math>"
            ),
            "L = (4πdf/c)^2"
        );
        assert_eq!(
            read(
                "<math><msqrt><msup><mi>x</mi><mn>2</mn></msup><mo>+</mo><mn>1</mn></msqrt></math>"
            ),
            "√(x^2 + 1)"
        );
        assert_eq!(
            read(
                "<math><semantics><mi>x</mi><annotation encoding='application/x-tex'>x</annotation></semantics></math>"
            ),
            "x"
        );
    }

    #[test]
    fn deep_math_does_not_overflow() {
        let src = format!(
            "<math>{}x{}</math>",
            "<mrow>".repeat(5000),
            "</mrow>".repeat(5000)
        );
        assert_eq!(read(&src), "x");
    }
}
