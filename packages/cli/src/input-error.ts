// A file or folder the user named that cannot be read, or a report file that cannot be written:
// the user's to fix, exit 2, one line naming the path, the cause in words and the fix.

export class InputError extends Error {}

/** What an errno means, for people: `EACCES` → "permission denied". */
export function causeOf(error: unknown): string {
  const code = (error as NodeJS.ErrnoException).code;
  switch (code) {
    case 'EACCES':
    case 'EPERM':
      return 'permission denied';
    case 'ENOENT':
      return 'it does not exist';
    case 'EISDIR':
      return 'it is a directory';
    case 'ENOTDIR':
      return 'a part of the path is not a directory';
    case 'ENOSPC':
      return 'no space left on the device';
    case 'EDQUOT':
      return 'disk quota exceeded';
    case 'EROFS':
      return 'the file system is read-only';
    case 'ELOOP':
      return 'too many levels of symbolic links (a link cycle)';
    case 'EMFILE':
    case 'ENFILE':
      return 'too many open files';
    case 'EIO':
      return 'an input/output error';
    default:
      return code ?? (error instanceof Error ? error.message : String(error));
  }
}
