//! Checks of the deployment kit (`deploy/`) that need no server machine: every script parses,
//! and every file the guides link to exists. The kit itself was tried on a Debian 12 system
//! with systemd (docs/deployment.md, "How this guide was checked"); this keeps later edits
//! from breaking a script or a link silently. It runs as a test of this crate, so
//! `cargo test --workspace` (and `cargo xtask test`) holds it.

use anyhow::{Context, bail};

use crate::cmd::Cmd;
use crate::{root, web};

/// The guides whose links into the repository must lead somewhere.
const GUIDES: [&str; 3] = ["docs/deployment.md", "docs/kiosk-device.md", "docs/database.md"];

fn check() -> anyhow::Result<()> {
    let deploy = root().join("deploy");
    let mut scripts = 0;
    for relative in web::files_under(&deploy)? {
        let file = deploy.join(relative);
        let text = std::fs::read_to_string(&file).unwrap_or_default();
        let shown = file.strip_prefix(root()).unwrap_or(&file).display().to_string();
        if text.starts_with("#!/bin/sh") || text.starts_with("#!/usr/bin/env bash") {
            Cmd::new("sh")
                .args(["-n".as_ref(), file.as_os_str()])
                .run()
                .with_context(|| format!("{shown} does not parse"))?;
            scripts += 1;
        } else if text.starts_with("#!/usr/bin/python3") {
            let parses = format!("compile(open({:?}).read(), {shown:?}, 'exec')", file.display().to_string());
            Cmd::new("python3").args(["-c", &parses]).run().with_context(|| format!("{shown} does not parse"))?;
            scripts += 1;
        }
    }
    let mut links = 0;
    for guide in GUIDES {
        let text = std::fs::read_to_string(root().join(guide)).with_context(|| format!("cannot read {guide}"))?;
        let folder = root().join(guide).parent().expect("guides are in docs/").to_owned();
        for target in relative_links(&text) {
            if !folder.join(target).exists() {
                bail!("{guide} links to {target}, which does not exist");
            }
            links += 1;
        }
    }
    println!("xtask: deployment kit: {scripts} scripts parse, {links} links in the guides lead to files");
    Ok(())
}

/// The targets of Markdown links to files in the repository (`](../deploy/x)`, `](api.md)`),
/// without any `#anchor`; web addresses and in-page anchors are left out.
fn relative_links(markdown: &str) -> Vec<&str> {
    markdown
        .split("](")
        .skip(1)
        .filter_map(|rest| rest.split(')').next())
        .map(|target| target.split('#').next().unwrap_or_default())
        .filter(|target| !target.is_empty() && !target.contains("://"))
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_deployment_kits_scripts_parse_and_the_guides_links_lead_to_files() {
        check().unwrap();
    }

    #[test]
    fn links_to_files_are_found_without_anchors_and_web_addresses() {
        let markdown = "See [the unit](../deploy/systemd/willkommen@.service), [api](api.md#operations), \
                        [here](#rolling-back) and [leptos](https://leptos.dev).";

        assert_eq!(relative_links(markdown), ["../deploy/systemd/willkommen@.service", "api.md"]);
    }
}
