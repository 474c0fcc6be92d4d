import { execFileSync } from 'node:child_process';
import { closeSync, openSync, statfsSync, writeSync } from 'node:fs';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { basename, join } from 'node:path';

/**
 * Real small disks for the disk-fault tests: a tmpfs that can be filled up and remounted
 * read-only, and an ext4 image on a loop device that the kernel can be made to remount
 * read-only under an open file (as after a disk error). Both need root (the tests run as root
 * here and in CI); the `...Unavailable()` probes say why not, for a clear skip.
 */

const run = (command: string, args: string[]): string =>
  execFileSync(command, args, { encoding: 'utf8', stdio: ['ignore', 'pipe', 'pipe'] });

/** Why (as a sentence) a tmpfs cannot be mounted here, or null when it can. */
export async function tmpfsUnavailable(): Promise<string | null> {
  if (process.platform !== 'linux')
    return `mounting a tmpfs needs Linux (this is ${process.platform})`;
  if (process.getuid?.() !== 0)
    return 'mounting a tmpfs needs root (run the tests as root, as CI does)';
  const probe = await mkdtemp(join(tmpdir(), 'disk-probe-'));
  try {
    run('mount', ['-t', 'tmpfs', '-o', 'size=64k', 'tmpfs', probe]);
    run('umount', [probe]);
    return null;
  } catch (error) {
    return `mount -t tmpfs is not permitted here: ${firstLine(error)}`;
  } finally {
    await rm(probe, { recursive: true, force: true });
  }
}

/** Why an ext4 loop image with errors=remount-ro cannot be used here, or null when it can. */
export async function ext4Unavailable(): Promise<string | null> {
  const tmpfs = await tmpfsUnavailable();
  if (tmpfs) return tmpfs;
  try {
    run('sh', ['-c', 'command -v mkfs.ext4 && command -v e2fsck && command -v losetup']);
  } catch {
    return 'mkfs.ext4, e2fsck or losetup is not installed';
  }
  let disk: Ext4Disk | null = null;
  try {
    disk = await Ext4Disk.mount();
    if (!disk.canFail())
      return 'this kernel has no /sys/fs/ext4/<dev>/trigger_fs_error to force a read-only remount';
    return null;
  } catch (error) {
    return `an ext4 loop image cannot be mounted here: ${firstLine(error)}`;
  } finally {
    await disk?.unmount();
  }
}

/** The memory page: a tmpfs hands out space in whole pages. */
export const pageSize = Number(run('getconf', ['PAGESIZE']).trim()) || 4096;

/** A tmpfs of a few hundred KiB mounted on a fresh folder. */
export class SmallDisk {
  private constructor(readonly dir: string) {}

  static async mount(sizeKiB = 256): Promise<SmallDisk> {
    const dir = await mkdtemp(join(tmpdir(), 'small-disk-'));
    run('mount', ['-t', 'tmpfs', '-o', `size=${sizeKiB}k,mode=0755`, 'tmpfs', dir]);
    return new SmallDisk(dir);
  }

  /** The filler file that takes up the free space. */
  get filler(): string {
    return join(this.dir, 'filler.bin');
  }

  /** Free bytes (whole pages) left on the disk. */
  freeBytes(): number {
    const { bavail, bsize } = statfsSync(this.dir);
    return bavail * bsize;
  }

  /** Grows the filler until the disk refuses with ENOSPC: not one free page is left. */
  fill(): void {
    const fd = openSync(this.filler, 'a');
    const chunk = Buffer.alloc(pageSize, 0x66);
    try {
      for (;;) writeSync(fd, chunk);
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== 'ENOSPC') throw error;
    } finally {
      closeSync(fd);
    }
  }

  /** Deletes the filler: space returns. */
  async free(): Promise<void> {
    await rm(this.filler, { force: true });
  }

  /** `mount -o remount,ro`: refused (EBUSY) by the kernel while a file is open for writing. */
  readOnly(): void {
    run('mount', ['-o', 'remount,ro', this.dir]);
  }

  /** `mount -o remount,rw`. */
  readWrite(): void {
    run('mount', ['-o', 'remount,rw', this.dir]);
  }

  async unmount(): Promise<void> {
    umount(this.dir);
    await rm(this.dir, { recursive: true, force: true });
  }
}

/**
 * An 8 MiB ext4 image mounted through a loop device with errors=remount-ro: `fail()` reports a
 * file system error, and the kernel turns the disk read-only under the open journal (EROFS)
 * until it is unmounted, checked and mounted again (`repair()`).
 */
export class Ext4Disk {
  private constructor(
    readonly dir: string,
    private readonly image: string,
    private device: string,
  ) {}

  static async mount(sizeMiB = 8): Promise<Ext4Disk> {
    const dir = await mkdtemp(join(tmpdir(), 'ext4-disk-'));
    const image = `${dir}.img`;
    try {
      await writeFile(image, '');
      run('truncate', ['-s', `${sizeMiB}M`, image]);
      run('mkfs.ext4', ['-q', '-F', image]);
      return new Ext4Disk(dir, image, Ext4Disk.attach(image, dir));
    } catch (error) {
      await rm(dir, { recursive: true, force: true });
      await rm(image, { force: true });
      throw error;
    }
  }

  private static attach(image: string, dir: string): string {
    run('mount', ['-o', 'loop,errors=remount-ro', image, dir]);
    return basename(run('findmnt', ['-n', '-o', 'SOURCE', dir]).trim());
  }

  private get trigger(): string {
    return `/sys/fs/ext4/${this.device}/trigger_fs_error`;
  }

  canFail(): boolean {
    try {
      run('test', ['-w', this.trigger]);
      return true;
    } catch {
      return false;
    }
  }

  /** Reports a file system error: the kernel makes the disk read-only at once. */
  fail(): void {
    run('sh', ['-c', `echo disk-faults test > ${this.trigger}`]);
  }

  /** What an operator does after that: unmount, e2fsck, mount again. */
  repair(): void {
    umount(this.dir);
    try {
      run('e2fsck', ['-f', '-y', this.image]);
    } catch (error) {
      // 1: errors were corrected; 2: corrected, reboot advised (not for a loop image).
      const status = (error as { status?: number }).status;
      if (status !== 1 && status !== 2) throw error;
    }
    this.device = Ext4Disk.attach(this.image, this.dir);
  }

  async unmount(): Promise<void> {
    umount(this.dir);
    await rm(this.dir, { recursive: true, force: true });
    await rm(this.image, { force: true });
  }
}

function umount(dir: string): void {
  try {
    run('umount', [dir]);
  } catch (error) {
    if (/not mounted/.test(firstLine(error))) return;
    run('umount', ['-l', dir]); // still busy (a test failed with a file open): detach it
  }
}

function firstLine(error: unknown): string {
  const stderr = (error as { stderr?: string }).stderr;
  return (stderr || (error as Error).message || String(error)).trim().split('\n')[0]!;
}
