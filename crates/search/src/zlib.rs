//! A zlib stream (RFC 1950) of stored, that is uncompressed, deflate blocks
//! (RFC 1951 §3.2.4), framed in place.
//!
//! miniz_oxide writes the same bytes at level 0, but it still feeds every
//! byte to its match finder's hash chains, which cost about 90 instructions
//! per byte of a large index; framing is a few block copies and a checksum.

/// Bytes per full block, as miniz_oxide cuts them at level 0 (any size up
/// to 65,535 is valid): indexes it stored before stay byte for byte the same.
const BLOCK: usize = 31 * 1024 + 1;
/// Block header: a byte with BFINAL and BTYPE (stored), LEN, and its
/// one's complement NLEN.
const BLOCK_HEADER: usize = 5;
/// CMF (deflate with a 256-byte window: stored blocks refer back to
/// nothing) and FLG (fastest level, check bits), as miniz_oxide writes them.
const STREAM_HEADER: [u8; 2] = [0x08, 0x1d];
/// Adler-32 of the data, big-endian.
const TRAILER: usize = 4;

/// `data` as a zlib stream of stored blocks, in the same allocation: full
/// blocks, then a final block with the rest (empty when nothing is left).
pub fn stored(mut data: Vec<u8>) -> Vec<u8> {
    let checksum = adler32(&data);
    let length = data.len();
    let blocks = length / BLOCK + 1;
    let framed = STREAM_HEADER.len() + length + blocks * BLOCK_HEADER + TRAILER;
    data.reserve_exact(framed - length);
    data.resize(framed, 0);
    // Last block first: each moves forward, over bytes already moved on.
    for block in (0..blocks).rev() {
        let start = block * BLOCK;
        let end = (start + BLOCK).min(length);
        let header = STREAM_HEADER.len() + block * (BLOCK + BLOCK_HEADER);
        data.copy_within(start..end, header + BLOCK_HEADER);
        let size = u16::try_from(end - start).unwrap_or(u16::MAX).to_le_bytes();
        let last = u8::from(block + 1 == blocks);
        let header_bytes = [last, size[0], size[1], !size[0], !size[1]];
        if let Some(place) = data.get_mut(header..header + BLOCK_HEADER) {
            place.copy_from_slice(&header_bytes);
        }
    }
    if let Some(place) = data.get_mut(..STREAM_HEADER.len()) {
        place.copy_from_slice(&STREAM_HEADER);
    }
    if let Some(place) = data.get_mut(framed - TRAILER..) {
        place.copy_from_slice(&checksum.to_be_bytes());
    }
    data
}

fn adler32(data: &[u8]) -> u32 {
    let mut checksum = adler2::Adler32::new();
    checksum.write_slice(data);
    checksum.checksum()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn streams_are_those_miniz_oxide_writes_at_level_0() {
        for length in [0, 1, BLOCK - 1, BLOCK, BLOCK + 1, 3 * BLOCK, 300_000] {
            let data: Vec<u8> = (0..length).map(|i| (i * 7 % 251) as u8).collect();
            let expected = miniz_oxide::deflate::compress_to_vec_zlib(&data, 0);
            assert!(stored(data) == expected, "{length} bytes");
        }
    }

    #[test]
    fn streams_inflate_to_their_data() {
        let data: Vec<u8> = (0..100_000).map(|i| (i * 31 % 256) as u8).collect();
        let inflated = miniz_oxide::inflate::decompress_to_vec_zlib(&stored(data.clone()));
        assert_eq!(inflated.ok(), Some(data));
    }
}
