//! The in-crate SHA-256 against the `sha2` crate, on random inputs of every length around the
//! block boundaries (the NIST vectors are unit tests in `src/digest.rs`).

use proptest::prelude::*;
use sha2::{Digest, Sha256};
use trafficking_indicators::digest::sha256;

proptest! {
    #![proptest_config(ProptestConfig::with_cases(512))]

    #[test]
    fn sha256_agrees_with_the_sha2_crate(data in proptest::collection::vec(any::<u8>(), 0..300)) {
        let expected: [u8; 32] = Sha256::digest(&data).into();
        prop_assert_eq!(sha256(&data), expected);
    }
}

#[test]
fn every_length_up_to_three_blocks_agrees() {
    let data: Vec<u8> = (0..=192u32).map(|i| (i * 37 % 251) as u8).collect();
    for n in 0..=data.len() {
        let expected: [u8; 32] = Sha256::digest(&data[..n]).into();
        assert_eq!(sha256(&data[..n]), expected, "length {n}");
    }
}
