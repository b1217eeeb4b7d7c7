//! Prints the normalised form of a text and, for each word, the original span.
//!
//! ```text
//! cargo run --example normalize -- "Add me on W3Ch​at, Аmanda Qiú of B.R.-Y.R."
//! ```

use std::io::Read;

fn main() {
    let args: Vec<String> = std::env::args().skip(1).collect();
    let text = if args.is_empty() {
        let mut s = String::new();
        if let Err(e) = std::io::stdin().read_to_string(&mut s) {
            eprintln!("normalize: cannot read standard input: {e}");
            std::process::exit(2);
        }
        s
    } else {
        args.join(" ")
    };
    let n = lurescan::normalize(&text);
    println!("{}", n.as_str());
    for (range, word) in n.words() {
        if let Some(span) = n.original_span(range) {
            println!(
                "{word:>20}  {:>6}..{:<6} {:?}",
                span.start,
                span.end,
                &text[span.range()]
            );
        }
    }
}
