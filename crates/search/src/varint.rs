//! Unsigned LEB128, the integer encoding of the index file.

pub fn push_varint(out: &mut Vec<u8>, mut value: u64) {
    while value >= 0x80 {
        out.push((value & 0x7f) as u8 | 0x80);
        value >>= 7;
    }
    out.push(value as u8);
}

/// How many bytes [`push_varint`] writes for `value`.
pub fn varint_len(value: u64) -> usize {
    (64 - value.leading_zeros() as usize).max(1).div_ceil(7)
}

/// How many varints `bytes` holds, without decoding them: each ends with
/// its one byte under 0x80.
pub fn varint_count(bytes: &[u8]) -> usize {
    bytes.iter().filter(|&&byte| byte < 0x80).count()
}

/// The first varint of `bytes` and the bytes after it; `None` when `bytes`
/// ends inside it or it does not fit 64 bits.
pub fn read_varint(bytes: &[u8]) -> Option<(u64, &[u8])> {
    let mut value = 0u64;
    for (index, &byte) in bytes.iter().enumerate().take(10) {
        value |= u64::from(byte & 0x7f).checked_shl(7 * index as u32)?;
        if byte & 0x80 == 0 {
            return Some((value, bytes.get(index + 1..).unwrap_or(&[])));
        }
    }
    None
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn round_trips() {
        for value in [0, 1, 127, 128, 300, u64::from(u32::MAX) << 2 | 3] {
            let mut bytes = Vec::new();
            push_varint(&mut bytes, value);
            bytes.push(0xaa);
            assert_eq!(read_varint(&bytes), Some((value, &[0xaa][..])));
        }
    }

    #[test]
    fn small_values_take_one_byte() {
        let mut bytes = Vec::new();
        push_varint(&mut bytes, 127);
        push_varint(&mut bytes, 158);
        assert_eq!(bytes, [0x7f, 0x9e, 0x01]);
    }

    #[test]
    fn its_length_is_what_it_writes() {
        for value in [0, 127, 128, 16_383, 16_384, u64::MAX] {
            let mut bytes = Vec::new();
            push_varint(&mut bytes, value);
            assert_eq!(varint_len(value), bytes.len(), "{value}");
        }
    }

    #[test]
    fn truncated_input_is_none() {
        assert_eq!(read_varint(&[0x80]), None);
        assert_eq!(read_varint(&[]), None);
    }
}
