// Reading one input file, safely: only a regular file is read (a FIFO would block the run forever,
// a device could stream without end), and whatever stops a file from being read is said in words
// with the fix. The file is opened non-blocking and checked on the open descriptor, so it cannot be
// swapped for a FIFO between the check and the read.
import fs from 'node:fs';
import { causeOf } from './input-error.js';

export type ReadOutcome = { bytes: Uint8Array; problem?: undefined } | { bytes?: undefined; problem: string };

export function readInput(abs: string): ReadOutcome {
  let fd: number;
  try {
    fd = fs.openSync(abs, fs.constants.O_RDONLY | fs.constants.O_NONBLOCK | fs.constants.O_NOCTTY);
  } catch (error) {
    return { problem: openProblem(abs, error) };
  }
  try {
    const stat = fs.fstatSync(fd);
    if (!stat.isFile()) return { problem: notRegular(stat) };
    const bytes = fs.readFileSync(fd);
    const utf16 = utf16Kind(bytes);
    if (utf16) return { problem: `it is UTF-16 text (${utf16}); save it as UTF-8` };
    return { bytes };
  } catch (error) {
    return { problem: `${causeOf(error)}; check the file and the disk` };
  } finally {
    fs.closeSync(fd);
  }
}

/** What kind of non-regular file this is, and the fix. */
export function notRegular(stat: fs.Stats): string {
  const kind = stat.isFIFO()
    ? 'a named pipe (FIFO)'
    : stat.isSocket()
      ? 'a socket'
      : stat.isCharacterDevice() || stat.isBlockDevice()
        ? 'a device'
        : stat.isDirectory()
          ? 'a directory'
          : 'not a regular file';
  return `it is ${kind}, not a regular file; only regular files are linted (remove it from the migrations folder or the arguments)`;
}

function openProblem(abs: string, error: unknown): string {
  const code = (error as NodeJS.ErrnoException).code;
  if (code === 'ENOENT' && fs.lstatSync(abs, { throwIfNoEntry: false })?.isSymbolicLink()) {
    return `it is a symbolic link to ${fs.readlinkSync(abs)}, which does not exist; fix or remove the link`;
  }
  if (code === 'ELOOP') return 'it is a symbolic link that leads back to itself (a link cycle); fix or remove the link';
  // A socket cannot be opened at all.
  if (code === 'ENXIO' || code === 'EOPNOTSUPP') {
    const stat = fs.statSync(abs, { throwIfNoEntry: false });
    if (stat) return notRegular(stat);
  }
  if (code === 'EACCES' || code === 'EPERM') return `permission denied; make it readable (chmod a+r ${abs}) or leave it out`;
  if (code === 'ENOENT') return 'it does not exist (anymore); run again';
  return causeOf(error);
}

/**
 * UTF-16 by its byte order mark, or by its shape: text that is mostly ASCII has a NUL in every other
 * byte. (Without this, the NULs make a UTF-16 migration look like a binary file.)
 */
export function utf16Kind(bytes: Uint8Array): string | undefined {
  if (bytes[0] === 0xff && bytes[1] === 0xfe) return 'little-endian, with a byte order mark';
  if (bytes[0] === 0xfe && bytes[1] === 0xff) return 'big-endian, with a byte order mark';
  const pairs = Math.min(256, Math.floor(bytes.length / 2));
  if (pairs < 2) return undefined;
  let little = 0;
  let big = 0;
  for (let i = 0; i < pairs; i++) {
    const a = bytes[2 * i]!;
    const b = bytes[2 * i + 1]!;
    if (a !== 0 && b === 0) little++;
    else if (a === 0 && b !== 0) big++;
  }
  if (little >= pairs * 0.9) return 'little-endian';
  if (big >= pairs * 0.9) return 'big-endian';
  return undefined;
}
