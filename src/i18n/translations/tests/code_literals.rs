//! The message ids the web app's code really holds: string literals in code, read with `syn`,
//! so that comments, doc comments, attributes and tests do not count as a use; and the keys it
//! looks up by a literal (`.t("…")`, `.t_args("…", …)`, `.t_in_german("…")`, `.t_in(…, "…")`,
//! `.t_in_args(…, "…", …)`). Inside macros (`view!`), whose bodies syn keeps as tokens, the
//! same is read from the tokens.

use std::collections::BTreeSet;
use std::path::{Path, PathBuf};

use proc_macro2::{Delimiter, TokenStream, TokenTree};
use syn::visit::{self, Visit};

/// What the code holds; see the module comment.
#[derive(Default)]
pub struct CodeLiterals {
    /// Every string literal outside tests, comments and attributes.
    pub all: BTreeSet<String>,
    /// Keys looked up by a literal, with the file that does it.
    pub looked_up: Vec<(PathBuf, String)>,
}

impl CodeLiterals {
    /// Reads every `.rs` file below `folders`, except test modules (`tests.rs`, `tests/`).
    pub fn read(folders: &[PathBuf]) -> Self {
        let mut found = Self::default();
        let mut files = Vec::new();
        for folder in folders {
            rust_files(folder, &mut files);
        }
        for file in files {
            let source = std::fs::read_to_string(&file).unwrap_or_else(|error| panic!("{}: {error}", file.display()));
            let syntax =
                syn::parse_file(&source).unwrap_or_else(|error| panic!("{} does not parse: {error}", file.display()));
            Collector { file: &file, found: &mut found }.visit_file(&syntax);
        }
        found
    }
}

fn rust_files(folder: &Path, found: &mut Vec<PathBuf>) {
    for entry in std::fs::read_dir(folder).unwrap().flatten() {
        let path = entry.path();
        let is_tests = path.file_stem().is_some_and(|stem| stem == "tests");
        if path.is_dir() && !is_tests {
            rust_files(&path, found);
        } else if path.extension().is_some_and(|extension| extension == "rs") && !is_tests {
            found.push(path);
        }
    }
}

struct Collector<'a> {
    file: &'a Path,
    found: &'a mut CodeLiterals,
}

/// `#[test]` or `#[cfg(test)]`.
fn is_test(attributes: &[syn::Attribute]) -> bool {
    attributes.iter().any(|attribute| {
        attribute.path().is_ident("test")
            || (attribute.path().is_ident("cfg")
                && attribute.parse_args::<syn::Ident>().is_ok_and(|ident| ident == "test"))
    })
}

/// The argument of a lookup method that is the message id: the first, or after the language.
fn key_position(method: &str) -> Option<usize> {
    match method {
        "t" | "t_args" | "t_in_german" => Some(0),
        "t_in" | "t_in_args" => Some(1),
        _ => None,
    }
}

impl Collector<'_> {
    fn looked_up(&mut self, key: String) {
        self.found.looked_up.push((self.file.to_owned(), key));
    }

    /// A macro's tokens: its string literals, and lookups written as `.t("…")` in them.
    fn tokens(&mut self, tokens: TokenStream) {
        let tokens: Vec<TokenTree> = tokens.into_iter().collect();
        for (at, token) in tokens.iter().enumerate() {
            match token {
                TokenTree::Literal(literal) => {
                    if let Ok(text) = syn::parse_str::<syn::LitStr>(&literal.to_string()) {
                        self.found.all.insert(text.value());
                    }
                }
                TokenTree::Group(group) => {
                    let method = match (at.checked_sub(2).map(|before| &tokens[before]), tokens.get(at.wrapping_sub(1)))
                    {
                        (Some(TokenTree::Punct(dot)), Some(TokenTree::Ident(name))) if dot.as_char() == '.' => {
                            Some(name.to_string())
                        }
                        _ => None,
                    };
                    if group.delimiter() == Delimiter::Parenthesis
                        && let Some(position) = method.as_deref().and_then(key_position)
                        && let Some(key) = literal_argument(group.stream(), position)
                    {
                        self.looked_up(key);
                    }
                    self.tokens(group.stream());
                }
                _ => {}
            }
        }
    }
}

/// The `position`th comma-separated argument, if it is a string literal.
fn literal_argument(arguments: TokenStream, position: usize) -> Option<String> {
    let mut arguments = arguments.into_iter().collect::<Vec<_>>().into_iter();
    for _ in 0..position {
        arguments.find(|token| matches!(token, TokenTree::Punct(comma) if comma.as_char() == ','))?;
    }
    match arguments.next()? {
        TokenTree::Literal(literal) => {
            syn::parse_str::<syn::LitStr>(&literal.to_string()).ok().map(|text| text.value())
        }
        _ => None,
    }
}

impl<'ast> Visit<'ast> for Collector<'_> {
    fn visit_attribute(&mut self, _: &'ast syn::Attribute) {}

    fn visit_item_mod(&mut self, item: &'ast syn::ItemMod) {
        if !is_test(&item.attrs) {
            visit::visit_item_mod(self, item);
        }
    }

    fn visit_item_fn(&mut self, item: &'ast syn::ItemFn) {
        if !is_test(&item.attrs) {
            visit::visit_item_fn(self, item);
        }
    }

    fn visit_impl_item_fn(&mut self, item: &'ast syn::ImplItemFn) {
        if !is_test(&item.attrs) {
            visit::visit_impl_item_fn(self, item);
        }
    }

    fn visit_lit_str(&mut self, literal: &'ast syn::LitStr) {
        self.found.all.insert(literal.value());
    }

    fn visit_expr_method_call(&mut self, call: &'ast syn::ExprMethodCall) {
        let key = key_position(&call.method.to_string()).and_then(|position| call.args.iter().nth(position));
        if let Some(syn::Expr::Lit(syn::ExprLit { lit: syn::Lit::Str(key), .. })) = key {
            self.looked_up(key.value());
        }
        visit::visit_expr_method_call(self, call);
    }

    fn visit_macro(&mut self, mac: &'ast syn::Macro) {
        self.tokens(mac.tokens.clone());
    }
}
