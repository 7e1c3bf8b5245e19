#![no_main]

libfuzzer_sys::fuzz_target!(|data: &[u8]| technote_fuzz::front_matter(data));
