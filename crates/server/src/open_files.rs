//! The open-file limit and the live streams it leaves room for.
//!
//! Every connection takes one open file, and a live stream keeps its connection for as long as
//! the phone, display or desk follows. The soft limit (often 1,024) is raised at start to the
//! hard limit, as far as the system allows. The streams may then take all but a reserve: past
//! it, new streams are refused (`503 too_many_streams`, their clients try again), so kiosks
//! and staff can still connect, and the database and the web app's files can still be opened.

use std::sync::Arc;
use std::sync::atomic::{AtomicU64, AtomicUsize, Ordering};
use std::time::{SystemTime, UNIX_EPOCH};

/// How often, at most, the log says that streams are being refused.
const WARN_EVERY_SECONDS: u64 = 60;

/// The open-file limit before and after raising it, and the most the system allows.
#[derive(Clone, Copy, Debug)]
pub struct OpenFiles {
    pub before: u64,
    pub now: u64,
    pub hard: u64,
}

impl OpenFiles {
    /// Live streams open at once at most: the limit less the reserve for everything else.
    pub fn stream_capacity(&self) -> usize {
        let reserve = (self.now / 8).max(256);
        usize::try_from(self.now.saturating_sub(reserve)).unwrap_or(usize::MAX)
    }
}

/// The live streams open now, against their capacity.
#[derive(Debug)]
pub struct StreamSlots {
    open: AtomicUsize,
    capacity: usize,
    warned_at: AtomicU64,
}

/// One live stream's place, given back when the stream ends.
#[derive(Debug)]
pub struct StreamSlot(Arc<StreamSlots>);

impl StreamSlots {
    pub fn new(capacity: usize) -> Arc<Self> {
        Arc::new(Self { open: AtomicUsize::new(0), capacity, warned_at: AtomicU64::new(0) })
    }

    /// A place for one more stream, unless all are taken (then the log says so, once a minute).
    pub fn take(self: &Arc<Self>) -> Option<StreamSlot> {
        let taken = self
            .open
            .fetch_update(Ordering::AcqRel, Ordering::Acquire, |open| (open < self.capacity).then_some(open + 1));
        if taken.is_ok() {
            return Some(StreamSlot(self.clone()));
        }
        let now = SystemTime::now().duration_since(UNIX_EPOCH).map_or(0, |since| since.as_secs());
        let last = self.warned_at.load(Ordering::Relaxed);
        if now >= last + WARN_EVERY_SECONDS
            && self.warned_at.compare_exchange(last, now, Ordering::AcqRel, Ordering::Relaxed).is_ok()
        {
            tracing::warn!(
                open = self.capacity,
                "live streams: as many are open as the open-file limit leaves room for; new ones are refused \
                 (503 too_many_streams, their clients try again) so that kiosks and staff keep being served. \
                 Raise the limit (LimitNOFILE= in the systemd unit, see docs/deployment.md) or add an instance"
            );
        }
        None
    }

    pub fn open(&self) -> usize {
        self.open.load(Ordering::Relaxed)
    }
}

impl Drop for StreamSlot {
    fn drop(&mut self) {
        self.0.open.fetch_sub(1, Ordering::AcqRel);
    }
}

/// Raises the soft open-file limit to the hard limit. If raising fails, the limit stays as
/// it was (and is still reported).
pub fn raise_limit() -> std::io::Result<OpenFiles> {
    let mut limit = libc::rlimit { rlim_cur: 0, rlim_max: 0 };
    // SAFETY: getrlimit only writes the struct we pass, which lives for the whole call.
    if unsafe { libc::getrlimit(libc::RLIMIT_NOFILE, &mut limit) } != 0 {
        return Err(std::io::Error::last_os_error());
    }
    let before = limit.rlim_cur;
    // "Unlimited" is not a number of files; keep to what the kernel takes for one process.
    let hard = if limit.rlim_max == libc::RLIM_INFINITY { nr_open().unwrap_or(before) } else { limit.rlim_max };
    if hard > before {
        let raised = libc::rlimit { rlim_cur: hard, rlim_max: limit.rlim_max };
        // SAFETY: setrlimit only reads the struct we pass.
        if unsafe { libc::setrlimit(libc::RLIMIT_NOFILE, &raised) } == 0 {
            return Ok(OpenFiles { before, now: hard, hard });
        }
    }
    Ok(OpenFiles { before, now: before, hard })
}

/// The most files one process may open on Linux (`fs.nr_open`).
fn nr_open() -> Option<u64> {
    std::fs::read_to_string("/proc/sys/fs/nr_open").ok()?.trim().parse().ok()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn streams_leave_a_reserve_for_everything_else() {
        let files = |now| OpenFiles { before: 1_024, now, hard: now };
        assert_eq!(files(1_024).stream_capacity(), 768);
        assert_eq!(files(20_000).stream_capacity(), 17_500);
        assert_eq!(files(100).stream_capacity(), 0);
    }

    #[test]
    fn a_stream_past_the_capacity_is_refused_until_one_ends() {
        let slots = StreamSlots::new(2);
        let first = slots.take().expect("a first place");
        let _second = slots.take().expect("a second place");
        assert!(slots.take().is_none());
        drop(first);
        let _third = slots.take().expect("the first one's place");
        assert_eq!(slots.open(), 2);
    }
}
