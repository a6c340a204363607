//! The answer part of a share code: one slot per question, in definition order, each written
//! in as few bits as its question allows. Value 0 of every slot means "missing", so a skipped
//! question costs one to a few bits and is never confused with "no clear opinion".

use std::collections::BTreeMap;

use super::{CodeError, damaged};
use crate::core::answers::{Answer, Cell};
use crate::core::bits::{BitReader, BitWriter, width_for};
use crate::core::countries::COUNTRIES;
use crate::core::definition::{Kind, Question};

/// One slot: how a question's answer (or its absence) is written. Value 0 is always "missing".
pub(super) fn pack(w: &mut BitWriter, q: &Question, a: Option<&Answer>) {
    match &q.kind {
        Kind::SingleChoice { .. } | Kind::Scale { .. } | Kind::YesNo { .. } => {
            let n = q.kind.option_count() as u32;
            let v = match a {
                Some(Answer::Option(o)) => q.kind.option_index(o).map_or(0, |p| p as u32 + 1),
                Some(Answer::NoClearOpinion) => n + 1,
                _ => 0,
            };
            w.write(v, width_for(n + 1 + u32::from(q.kind.offers_no_clear_opinion())));
        }
        Kind::MultipleChoice { options, .. } => match a {
            Some(Answer::Options(chosen)) => {
                w.write(1, 1);
                for o in options {
                    w.write(u32::from(chosen.contains(&o.id)), 1);
                }
            }
            _ => w.write(0, 1),
        },
        Kind::Grid { items, scale } => {
            let n = scale.points.len() as u32;
            let width = width_for(n + 1 + u32::from(scale.no_clear_opinion.is_some()));
            for item in items {
                let cell = match a {
                    Some(Answer::Grid(cells)) => cells.get(&item.id),
                    _ => None,
                };
                let v = match cell {
                    Some(Cell::Option(o)) => {
                        scale.points.iter().position(|p| &p.id == o).map_or(0, |p| p as u32 + 1)
                    }
                    Some(Cell::NoClearOpinion) => n + 1,
                    None => 0,
                };
                w.write(v, width);
            }
        }
        Kind::Numeric { max, .. } => {
            let v = match a {
                Some(Answer::Number(n)) => n + 1,
                _ => 0,
            };
            w.write(v, width_for(max + 2));
        }
        Kind::Text { max_length } => match a {
            Some(Answer::Text(t)) => {
                w.write(1, 1);
                pack_text(w, t, *max_length);
            }
            _ => w.write(0, 1),
        },
        Kind::List { max_items, max_length } => match a {
            Some(Answer::List(entries)) => {
                w.write(1, 1);
                w.write(entries.len() as u32 - 1, width_for(*max_items));
                for e in entries {
                    pack_text(w, e, *max_length);
                }
            }
            _ => w.write(0, 1),
        },
        Kind::Ordering { options, top } => match a {
            Some(Answer::Order(order)) => {
                w.write(1, 1);
                let want = top.unwrap_or(options.len() as u32);
                w.write(order.len() as u32 - 1, width_for(want));
                let mut left: Vec<_> = options.iter().map(|o| &o.id).collect();
                for o in order {
                    let p = left.iter().position(|l| *l == o).unwrap_or(0);
                    w.write(p as u32, width_for(left.len() as u32));
                    left.remove(p);
                }
            }
            _ => w.write(0, 1),
        },
        Kind::Country => {
            let v = match a {
                Some(Answer::Country(c)) => {
                    COUNTRIES.iter().position(|x| x.code == c).map_or(0, |p| p as u32 + 1)
                }
                _ => 0,
            };
            w.write(v, width_for(COUNTRIES.len() as u32 + 1));
        }
    }
}

pub(super) fn unpack(r: &mut BitReader, q: &Question) -> Result<Option<Answer>, CodeError> {
    let short = || CodeError::Damaged("it ends too early".into());
    let mut read = |width: u32| r.read(width).ok_or_else(short);
    let out_of_range = || damaged("a value is out of range");
    Ok(match &q.kind {
        Kind::SingleChoice { .. } | Kind::Scale { .. } | Kind::YesNo { .. } => {
            let n = q.kind.option_count() as u32;
            let nco = q.kind.offers_no_clear_opinion();
            match read(width_for(n + 1 + u32::from(nco)))? {
                0 => None,
                v if v <= n => q.kind.option_at(v as usize - 1).map(Answer::Option),
                v if v == n + 1 && nco => Some(Answer::NoClearOpinion),
                _ => return out_of_range(),
            }
        }
        Kind::MultipleChoice { options, .. } => {
            if read(1)? == 0 {
                None
            } else {
                let mut chosen = Vec::new();
                for o in options {
                    if read(1)? == 1 {
                        chosen.push(o.id.clone());
                    }
                }
                Some(Answer::Options(chosen))
            }
        }
        Kind::Grid { items, scale } => {
            let n = scale.points.len() as u32;
            let nco = scale.no_clear_opinion.is_some();
            let mut cells = BTreeMap::new();
            for item in items {
                let cell = match read(width_for(n + 1 + u32::from(nco)))? {
                    0 => continue,
                    v if v <= n => Cell::Option(scale.points[v as usize - 1].id.clone()),
                    v if v == n + 1 && nco => Cell::NoClearOpinion,
                    _ => return out_of_range(),
                };
                cells.insert(item.id.clone(), cell);
            }
            (!cells.is_empty()).then_some(Answer::Grid(cells))
        }
        Kind::Numeric { max, .. } => match read(width_for(max + 2))? {
            0 => None,
            v => Some(Answer::Number(v - 1)),
        },
        Kind::Text { max_length } => match read(1)? {
            0 => None,
            _ => Some(Answer::Text(unpack_text(r, *max_length)?)),
        },
        Kind::List { max_items, max_length } => match read(1)? {
            0 => None,
            _ => {
                let n = read(width_for(*max_items))? + 1;
                let mut entries = Vec::new();
                for _ in 0..n {
                    entries.push(unpack_text(r, *max_length)?);
                }
                Some(Answer::List(entries))
            }
        },
        Kind::Ordering { options, top } => {
            if read(1)? == 0 {
                None
            } else {
                let want = top.unwrap_or(options.len() as u32);
                let len = read(width_for(want))? + 1;
                let mut left: Vec<_> = options.iter().map(|o| o.id.clone()).collect();
                let mut order = Vec::new();
                for _ in 0..len {
                    let p = read(width_for(left.len() as u32))? as usize;
                    if p >= left.len() {
                        return out_of_range();
                    }
                    order.push(left.remove(p));
                }
                Some(Answer::Order(order))
            }
        }
        Kind::Country => match read(width_for(COUNTRIES.len() as u32 + 1))? as usize {
            0 => None,
            v if v <= COUNTRIES.len() => Some(Answer::Country(COUNTRIES[v - 1].code.to_string())),
            _ => return out_of_range(),
        },
    })
}

/// A text of at most `max_length` characters: its UTF-8 length, then its bytes.
fn pack_text(w: &mut BitWriter, t: &str, max_length: u32) {
    w.write(t.len() as u32, width_for(max_length * 4 + 1));
    for b in t.bytes() {
        w.write(u32::from(b), 8);
    }
}

fn unpack_text(r: &mut BitReader, max_length: u32) -> Result<String, CodeError> {
    let short = || CodeError::Damaged("it ends too early".into());
    let len = r.read(width_for(max_length * 4 + 1)).ok_or_else(short)?;
    let mut bytes = Vec::with_capacity(len as usize);
    for _ in 0..len {
        bytes.push(r.read(8).ok_or_else(short)? as u8);
    }
    String::from_utf8(bytes).map_err(|_| CodeError::Damaged("bad text".into()))
}

/// How to read one question's slot as whole numbers: worked out once per question, so that
/// reading 100,000 records does not look at the question again.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(crate) enum Op {
    /// One value of `width` bits, at most `top` (choices, scales, yes / no, numbers, countries).
    One { width: u32, top: u32 },
    /// `n` values of `width` bits, each at most `top` (a grid's cells).
    Cells { n: usize, width: u32, top: u32 },
    /// A presence bit, then a bit per option; 1 to `max` chosen.
    Flags { n: usize, max: u32 },
    /// A presence bit, then a text of 1 to `max` characters.
    Text { len_width: u32, max: u32 },
    /// A presence bit, the number of entries less one, then 1 to `max_items` texts.
    List { count_width: u32, max_items: u32, len_width: u32, max: u32 },
    /// A presence bit, the length less one (at most `want`; all `n` options unless `top`),
    /// then each place among the options left.
    Order { n: usize, want: u32, len_width: u32, all: bool },
}

/// The [`Op`] that reads `q`'s slot.
pub(crate) fn op(q: &Question) -> Op {
    let text_width = |max_length: u32| width_for(max_length * 4 + 1);
    match &q.kind {
        Kind::SingleChoice { .. } | Kind::Scale { .. } | Kind::YesNo { .. } => {
            let top = q.kind.option_count() as u32 + u32::from(q.kind.offers_no_clear_opinion());
            Op::One { width: width_for(top + 1), top }
        }
        Kind::MultipleChoice { options, max } => {
            Op::Flags { n: options.len(), max: max.unwrap_or(options.len() as u32) }
        }
        Kind::Grid { items, scale } => {
            let top = scale.points.len() as u32 + u32::from(scale.no_clear_opinion.is_some());
            Op::Cells { n: items.len(), width: width_for(top + 1), top }
        }
        Kind::Numeric { max, .. } => Op::One { width: width_for(max + 2), top: max + 1 },
        Kind::Text { max_length } => Op::Text { len_width: text_width(*max_length), max: *max_length },
        Kind::List { max_items, max_length } => Op::List {
            count_width: width_for(*max_items),
            max_items: *max_items,
            len_width: text_width(*max_length),
            max: *max_length,
        },
        Kind::Ordering { options, top } => {
            let want = top.unwrap_or(options.len() as u32);
            Op::Order { n: options.len(), want, len_width: width_for(want), all: top.is_none() }
        }
        Kind::Country => {
            Op::One { width: width_for(COUNTRIES.len() as u32 + 1), top: COUNTRIES.len() as u32 }
        }
    }
}

/// Reads one slot with its [`Op`] into its region of a [`crate::core::vals::Layout`] buffer
/// (`out`, all zeros), checking what [`unpack`] and [`crate::core::answers::check`] check
/// together: a slot read here fits its question, or the code is refused as damaged. With
/// `check` false (a record checked before), texts are skipped rather than read.
#[inline]
pub(crate) fn read_vals(r: &mut BitReader, op: Op, out: &mut [u32], check: bool) -> Result<(), CodeError> {
    let short = || CodeError::Damaged("it ends too early".into());
    let out_of_range = || damaged("a value is out of range");
    let misfit = || damaged("an answer does not fit its question");
    macro_rules! read {
        ($w:expr) => {
            r.read($w).ok_or_else(short)?
        };
    }
    match op {
        Op::One { width, top } => {
            let v = read!(width);
            if v > top {
                return out_of_range();
            }
            out[0] = v;
        }
        Op::Cells { width, top, .. } => {
            for cell in out.iter_mut() {
                let v = read!(width);
                if v > top {
                    return out_of_range();
                }
                *cell = v;
            }
        }
        Op::Flags { max, .. } => {
            if read!(1) == 1 {
                let mut chosen = 0;
                for flag in &mut out[1..] {
                    *flag = read!(1);
                    chosen += *flag;
                }
                if chosen == 0 || chosen > max {
                    return misfit();
                }
                out[0] = 1;
            }
        }
        Op::Text { len_width, max } => {
            if read!(1) == 1 {
                let (chars, _) = read_text(r, len_width, check)?;
                if check && (chars == 0 || chars > max as usize) {
                    return misfit();
                }
                out[0] = 1;
            }
        }
        Op::List { count_width, max_items, len_width, max } => {
            if read!(1) == 1 {
                let n = read!(count_width) + 1;
                if n > max_items {
                    return misfit();
                }
                for _ in 0..n {
                    let (chars, blank) = read_text(r, len_width, check)?;
                    if check && (blank || chars > max as usize) {
                        return misfit();
                    }
                }
                out[0] = 1;
                out[1] = n;
            }
        }
        Op::Order { n, want, len_width, all } => {
            if read!(1) == 1 {
                let len = read!(len_width) + 1;
                if len > want || (all && len as usize != n) || n > 128 {
                    return misfit();
                }
                // Each place picks among the options left (in definition order) by position.
                let mut left: u128 = if n == 128 { u128::MAX } else { (1u128 << n) - 1 };
                for p in 0..len as usize {
                    let count = left.count_ones();
                    let k = read!(width_for(count));
                    if k >= count {
                        return out_of_range();
                    }
                    let mut rest = left;
                    for _ in 0..k {
                        rest &= rest - 1;
                    }
                    let option = rest.trailing_zeros();
                    left &= !(1u128 << option);
                    out[1 + p] = option;
                }
                out[0] = len;
            }
        }
    }
    Ok(())
}

/// Reads a text written by [`pack_text`] (its length in `len_width` bits), checking it is
/// UTF-8: its number of characters, and whether it is only white space. Without `check`, only
/// skips it.
fn read_text(r: &mut BitReader, len_width: u32, check: bool) -> Result<(usize, bool), CodeError> {
    let short = || CodeError::Damaged("it ends too early".into());
    let len = r.read(len_width).ok_or_else(short)? as usize;
    if !check {
        r.skip(len * 8).ok_or_else(short)?;
        return Ok((0, false));
    }
    let mut bytes = [0u8; 256];
    let mut long = Vec::new();
    let buf: &mut [u8] = if len <= bytes.len() {
        &mut bytes[..len]
    } else {
        long.resize(len, 0);
        &mut long
    };
    r.read_bytes(buf).ok_or_else(short)?;
    let text = std::str::from_utf8(buf).map_err(|_| CodeError::Damaged("bad text".into()))?;
    Ok((text.chars().count(), text.trim().is_empty()))
}
