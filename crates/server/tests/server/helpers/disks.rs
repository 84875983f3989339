//! Disks to fail under a server: a small tmpfs to fill up, and an ext4 image the kernel turns
//! read-only after an error. Both need root (mounting); without, a test says it was skipped.

use std::path::{Path, PathBuf};

use tempfile::TempDir;

/// A small file system of its own (tmpfs), to fill up. Mounting needs root (or
/// CAP_SYS_ADMIN); without, the test says it was skipped.
pub struct SmallDisk {
    mount_point: TempDir,
}

impl SmallDisk {
    pub fn mount(megabytes: u32) -> Result<Self, String> {
        let mount_point = tempfile::tempdir().unwrap();
        let output = std::process::Command::new("mount")
            .args(["-t", "tmpfs", "-o", &format!("size={megabytes}m"), "tmpfs"])
            .arg(mount_point.path())
            .output()
            .map_err(|error| error.to_string())?;
        if !output.status.success() {
            return Err(String::from_utf8_lossy(&output.stderr).trim().to_owned());
        }
        Ok(Self { mount_point })
    }

    pub fn path(&self) -> &Path {
        self.mount_point.path()
    }

    /// Writes a file until the disk is full; returns it, to be removed to free the space.
    pub fn fill(&self) -> PathBuf {
        self.fill_later()()
    }

    /// [`SmallDisk::fill`], to be called later (by a task that does not own the disk).
    pub fn fill_later(&self) -> impl FnOnce() -> PathBuf + Send + 'static {
        let filler = self.path().join("filler");
        move || fill_up(filler)
    }
}

fn fill_up(filler: PathBuf) -> PathBuf {
    use std::io::Write;
    let mut file = std::fs::File::create(&filler).unwrap();
    let chunk = vec![0u8; 4096];
    while file.write_all(&chunk).and_then(|()| file.sync_data()).is_ok() {}
    filler
}

impl Drop for SmallDisk {
    fn drop(&mut self) {
        let _ = std::process::Command::new("umount").arg("--lazy").arg(self.mount_point.path()).status();
    }
}

/// A disk that fails: ext4 on a loop device that the kernel turns read-only after an error
/// (`errors=remount-ro`, the default of many installations), as a failing disk does. Needs
/// root; without, the test says it was skipped.
pub struct FailingDisk {
    image: TempDir,
    mount_point: TempDir,
}

impl FailingDisk {
    pub fn mount() -> Result<Self, String> {
        let (image, mount_point) = (tempfile::tempdir().unwrap(), tempfile::tempdir().unwrap());
        let file = image.path().join("disk.img");
        std::fs::File::create(&file).and_then(|disk| disk.set_len(64 << 20)).map_err(|error| error.to_string())?;
        run("mkfs.ext4", &["-q".as_ref(), file.as_os_str()])?;
        let disk = Self { image, mount_point };
        disk.mount_again()?;
        Ok(disk)
    }

    fn mount_again(&self) -> Result<(), String> {
        let file = self.image.path().join("disk.img");
        run("mount", &["-o".as_ref(), "loop,errors=remount-ro".as_ref(), file.as_os_str(), self.path().as_os_str()])
    }

    pub fn path(&self) -> &Path {
        self.mount_point.path()
    }

    /// Makes the kernel see a file system error, as a failing disk would.
    pub fn fail(&self) {
        let device =
            std::process::Command::new("findmnt").args(["-n", "-o", "SOURCE"]).arg(self.path()).output().unwrap();
        let device = String::from_utf8(device.stdout).unwrap();
        let name = Path::new(device.trim()).file_name().unwrap().to_str().unwrap().to_owned();
        std::fs::write(format!("/sys/fs/ext4/{name}/trigger_fs_error"), "1").unwrap();
    }

    /// After the server stopped: mounted again after a check, as an operator would.
    pub fn repair(&self) {
        run("umount", &[self.path().as_os_str()]).unwrap();
        let file = self.image.path().join("disk.img");
        // e2fsck exits 1 when it fixed something.
        let _ = std::process::Command::new("e2fsck").arg("-fy").arg(&file).output();
        self.mount_again().unwrap();
    }
}

impl Drop for FailingDisk {
    fn drop(&mut self) {
        let _ = std::process::Command::new("umount").arg("--lazy").arg(self.path()).status();
    }
}

fn run(program: &str, args: &[&std::ffi::OsStr]) -> Result<(), String> {
    let output =
        std::process::Command::new(program).args(args).output().map_err(|error| format!("{program}: {error}"))?;
    if output.status.success() {
        Ok(())
    } else {
        Err(format!("{program}: {}", String::from_utf8_lossy(&output.stderr).trim()))
    }
}
