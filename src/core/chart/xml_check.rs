//! Test helpers: a small XML well-formedness check and readers for the bits of our SVG the
//! tests look at (bars, their segments, text over a colour). Enough for markup we write
//! ourselves; not a general XML parser.

/// Checks that `doc` is well-formed: tags balanced and properly nested, attribute values
/// quoted, no attribute twice in a tag, `<` only opening markup, `&` only starting one of the
/// five XML entities or a character reference. Returns the first problem.
pub fn well_formed(doc: &str) -> Result<(), String> {
    let mut stack: Vec<&str> = Vec::new();
    let mut rest = doc;
    let mut roots = 0;
    while let Some(lt) = rest.find('<') {
        check_text(&rest[..lt])?;
        let after = &rest[lt + 1..];
        let gt = after.find('>').ok_or("unclosed tag")?;
        let tag = &after[..gt];
        rest = &after[gt + 1..];
        if let Some(name) = tag.strip_prefix('/') {
            let open = stack.pop().ok_or_else(|| format!("</{name}> closes nothing"))?;
            if open != name.trim() {
                return Err(format!("</{name}> closes <{open}>"));
            }
            continue;
        }
        if tag.starts_with('!') || tag.starts_with('?') {
            continue;
        }
        let self_closing = tag.ends_with('/');
        let body = tag.trim_end_matches('/');
        let name = body.split_whitespace().next().ok_or("empty tag")?;
        if !name.chars().all(|c| c.is_ascii_alphanumeric() || c == '-' || c == ':' || c == '_') {
            return Err(format!("bad tag name {name:?}"));
        }
        check_attributes(&body[name.len()..])?;
        if stack.is_empty() {
            roots += 1;
        }
        if !self_closing {
            stack.push(name);
        }
    }
    check_text(rest)?;
    match (stack.last(), roots) {
        (Some(open), _) => Err(format!("<{open}> not closed")),
        (None, 1) => Ok(()),
        (None, n) => Err(format!("{n} root elements")),
    }
}

fn check_text(text: &str) -> Result<(), String> {
    let mut rest = text;
    while let Some(amp) = rest.find('&') {
        let after = &rest[amp + 1..];
        let semi = after.find(';').ok_or("& without ;")?;
        let entity = &after[..semi];
        let ok = matches!(entity, "amp" | "lt" | "gt" | "quot" | "apos")
            || entity
                .strip_prefix('#')
                .is_some_and(|d| !d.is_empty() && d.chars().all(|c| c.is_ascii_digit()));
        if !ok {
            return Err(format!("bad entity &{entity};"));
        }
        rest = &after[semi + 1..];
    }
    if text.chars().any(|c| (c as u32) < 0x20 && !matches!(c, '\t' | '\n' | '\r')) {
        return Err("control character".into());
    }
    Ok(())
}

fn check_attributes(mut s: &str) -> Result<(), String> {
    let mut seen = Vec::new();
    loop {
        s = s.trim_start();
        if s.is_empty() {
            return Ok(());
        }
        let eq = s.find('=').ok_or_else(|| format!("attribute without value in {s:?}"))?;
        let name = s[..eq].trim();
        if name.is_empty() || name.contains(char::is_whitespace) || seen.contains(&name) {
            return Err(format!("bad or repeated attribute {name:?}"));
        }
        seen.push(name);
        let value = &s[eq + 1..];
        let quote = value.chars().next().filter(|q| *q == '"' || *q == '\'').ok_or("unquoted attribute")?;
        let end = value[1..].find(quote).ok_or("unterminated attribute")?;
        let v = &value[1..1 + end];
        if v.contains('<') {
            return Err("< in attribute".into());
        }
        check_text(v)?;
        s = &value[end + 2..];
    }
}

/// The value of attribute `name` in the tag text `tag`.
pub fn attr<'a>(tag: &'a str, name: &str) -> Option<&'a str> {
    let start = tag.find(&format!(" {name}=\""))? + name.len() + 3;
    let len = tag[start..].find('"')?;
    Some(&tag[start..start + len])
}

/// A number attribute.
pub fn num(tag: &str, name: &str) -> f64 {
    attr(tag, name).and_then(|v| v.parse().ok()).unwrap_or(f64::NAN)
}

/// Every opening tag (`<name ...>` or `<name .../>`) in `doc`, in order, with the text up to
/// the next `<` (an element's text, when it has one).
pub fn tags(doc: &str) -> Vec<(&str, &str)> {
    doc.split('<').skip(1).filter(|t| !t.starts_with('/')).filter_map(|t| t.split_once('>')).collect()
}

/// The `<g class="bar">` groups of `svg`, each as the markup inside it.
pub fn bars(svg: &str) -> Vec<&str> {
    svg.split("<g class=\"bar\">").skip(1).filter_map(|b| b.split("</g>").next()).collect()
}

/// `(x, width, fill)` of each `class="seg"` rect in a bar.
pub fn segments(bar: &str) -> Vec<(f64, f64, String)> {
    tags(bar)
        .into_iter()
        .filter(|(t, _)| t.starts_with("rect ") && attr(t, "class") == Some("seg"))
        .map(|(t, _)| (num(t, "x"), num(t, "width"), attr(t, "fill").unwrap_or("").to_string()))
        .collect()
}

/// Each text drawn over a bar (segment labels, values) with the rect it sits on: `(text fill,
/// rect fill, text x, rect x, rect width)`.
pub fn texts_on_rects(svg: &str) -> Vec<(String, String, f64, f64, f64)> {
    let mut out = Vec::new();
    let mut last_rect: Option<&str> = None;
    for (t, _) in tags(svg) {
        if t.starts_with("rect ") {
            last_rect = Some(t);
        } else if t.starts_with("text ")
            && matches!(attr(t, "class"), Some("seg-label" | "value"))
            && let Some(r) = last_rect
        {
            out.push((
                attr(t, "fill").unwrap_or("").to_string(),
                attr(r, "fill").unwrap_or("").to_string(),
                num(t, "x"),
                num(r, "x"),
                num(r, "width"),
            ));
        }
    }
    out
}
