//! The limit on open files. Hundreds of live-stream clients hold one socket each in the
//! benchmark and one in the server (which inherits the limit), so a low soft limit is raised
//! towards the hard limit before any server starts.

use serde::Serialize;

#[derive(Clone, Debug, Serialize)]
pub struct OpenFiles {
    pub soft_at_start: u64,
    /// The soft limit the benchmark and its servers ran with.
    pub soft: u64,
    pub hard: u64,
}

/// Makes sure `needed` files can be open at once, raising the soft limit if it is lower.
pub fn ensure(needed: u64) -> anyhow::Result<OpenFiles> {
    let mut limit = libc::rlimit { rlim_cur: 0, rlim_max: 0 };
    // SAFETY: getrlimit only writes the struct we pass, which lives for the whole call.
    if unsafe { libc::getrlimit(libc::RLIMIT_NOFILE, &mut limit) } != 0 {
        anyhow::bail!("cannot read the open-files limit: {}", std::io::Error::last_os_error());
    }
    let (soft_at_start, hard) = (limit.rlim_cur, limit.rlim_max);
    if soft_at_start >= needed {
        return Ok(OpenFiles { soft_at_start, soft: soft_at_start, hard });
    }
    anyhow::ensure!(hard >= needed, "{needed} open files are needed, but the hard limit (ulimit -Hn) is {hard}");
    limit.rlim_cur = needed;
    // SAFETY: setrlimit only reads the struct we pass.
    if unsafe { libc::setrlimit(libc::RLIMIT_NOFILE, &limit) } != 0 {
        anyhow::bail!("cannot raise the open-files limit to {needed}: {}", std::io::Error::last_os_error());
    }
    progress!("raised the open-files limit from {soft_at_start} to {needed}");
    Ok(OpenFiles { soft_at_start, soft: needed, hard })
}
