//! The log on stderr: lines of text for people, or one JSON object per line for log collectors
//! (`--log-format json`). Standard output stays for the welcome message.

use tracing_subscriber::EnvFilter;

use crate::settings::{LogFormat, Settings};

/// Installs the process's log writer; call once, before anything logs.
pub fn init(settings: &Settings) {
    // RUST_LOG, the variable every tracing user knows, wins over --log-level when it is set.
    let filter = EnvFilter::try_from_default_env().unwrap_or_else(|_| EnvFilter::new(&settings.log_level));
    // Colours only for a person at a terminal: journald and files would keep the escape codes.
    let colours = std::io::IsTerminal::is_terminal(&std::io::stderr());
    let subscriber = tracing_subscriber::fmt().with_env_filter(filter).with_writer(std::io::stderr).with_ansi(colours);
    match settings.log_format {
        LogFormat::Text => subscriber.init(),
        LogFormat::Json => subscriber.json().init(),
    }
}
