// Turn a file's bytes into text, or say precisely why it cannot be linted as SQL.
// Migrations are UTF-8 (Postgres' client_encoding for every runner we support); anything else
// would be misread silently, so it is an error naming the byte where decoding failed.

export type Decoded =
  | { ok: true; text: string; hadBom: boolean }
  | { ok: false; reason: 'binary' | 'encoding'; byteOffset: number };

const utf8 = new TextDecoder('utf-8', { fatal: true, ignoreBOM: true });

export function decodeSource(content: Uint8Array | string): Decoded {
  if (typeof content === 'string') {
    const hadBom = content.charCodeAt(0) === 0xfeff;
    return { ok: true, text: hadBom ? content.slice(1) : content, hadBom };
  }
  const nul = content.indexOf(0);
  if (nul !== -1) return { ok: false, reason: 'binary', byteOffset: nul };
  let text: string;
  try {
    text = utf8.decode(content);
  } catch {
    return { ok: false, reason: 'encoding', byteOffset: firstInvalidUtf8(content) };
  }
  const hadBom = text.charCodeAt(0) === 0xfeff;
  return { ok: true, text: hadBom ? text.slice(1) : text, hadBom };
}

/** Byte offset of the first invalid UTF-8 sequence (for the error message). */
function firstInvalidUtf8(bytes: Uint8Array): number {
  let i = 0;
  while (i < bytes.length) {
    const b = bytes[i]!;
    const len = b < 0x80 ? 1 : b >> 5 === 0x6 ? 2 : b >> 4 === 0xe ? 3 : b >> 3 === 0x1e ? 4 : 0;
    if (len === 0 || i + len > bytes.length) return i;
    for (let k = 1; k < len; k++) if (bytes[i + k]! >> 6 !== 0x2) return i;
    if (len > 1) {
      try {
        utf8.decode(bytes.subarray(i, i + len));
      } catch {
        return i; // overlong or surrogate encodings
      }
    }
    i += len;
  }
  return bytes.length;
}
