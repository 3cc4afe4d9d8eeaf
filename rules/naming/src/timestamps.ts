// Migration versions that are timestamps: a format (`YYYYMMDDHHmmss`, diesel's
// `YYYY-MM-DD-HHmmss`, `unix` seconds), whether a version has that shape, and whether it is a real
// date and time. Versions are read as UTC, which is what the runners' generators write
// (`supabase migration new`, `dbmate new`, `migrate create`, `prisma migrate dev`, diesel).

export const DEFAULT_TIMESTAMP_FORMAT = 'YYYYMMDDHHmmss';

type Field = 'YYYY' | 'MM' | 'DD' | 'HH' | 'mm' | 'ss';
type Segment = { field: Field } | { literal: string };

const FIELDS: Field[] = ['YYYY', 'MM', 'DD', 'HH', 'mm', 'ss'];

/** JSON Schema pattern of a format: `unix`, or the fields above with separators between them. */
export const TIMESTAMP_FORMAT_PATTERN = '^(?:unix|(?:YYYY|MM|DD|HH|mm|ss|[^A-Za-z0-9])+)$';

export interface TimestampFormat {
  source: string;
  /** Characters of the format that are not digits (`-` for diesel's). */
  separators: string;
  /** Does `text` have this format's shape (length, digits, separators)? */
  fits(text: string): boolean;
  /** The date, or why `text` is not a real one. */
  read(text: string): { date: Date } | { problem: string };
}

export function compileFormat(source: string): TimestampFormat {
  if (source === 'unix') {
    return {
      source,
      separators: '',
      fits: (text) => /^[0-9]{10}$/.test(text),
      read: (text) => ({ date: new Date(Number(text) * 1000) }),
    };
  }
  const segments: Segment[] = [];
  for (let i = 0; i < source.length; ) {
    const field = FIELDS.find((f) => source.startsWith(f, i));
    if (field) {
      segments.push({ field });
      i += field.length;
    } else {
      segments.push({ literal: source[i]! });
      i++;
    }
  }
  const separators = [...new Set(segments.flatMap((s) => ('literal' in s ? [s.literal] : [])))].join('');
  const shape = new RegExp(`^${segments.map((s) => ('field' in s ? `[0-9]{${s.field.length}}` : escapeRegExp(s.literal))).join('')}$`);
  return {
    source,
    separators,
    fits: (text) => shape.test(text),
    read(text) {
      const values: Partial<Record<Field, number>> = {};
      let at = 0;
      for (const segment of segments) {
        if ('field' in segment) {
          values[segment.field] = Number(text.slice(at, at + segment.field.length));
          at += segment.field.length;
        } else at += segment.literal.length;
      }
      return checkDate(values);
    },
  };
}

function checkDate(values: Partial<Record<Field, number>>): { date: Date } | { problem: string } {
  const year = values.YYYY ?? 1970;
  const month = values.MM ?? 1;
  const day = values.DD ?? 1;
  const hour = values.HH ?? 0;
  const minute = values.mm ?? 0;
  const second = values.ss ?? 0;
  if (month < 1 || month > 12) return { problem: `month ${pad(month)}` };
  const days = new Date(Date.UTC(year, month, 0)).getUTCDate();
  if (day < 1 || day > days) return { problem: `day ${pad(day)} of a month with ${days} days` };
  if (hour > 23) return { problem: `hour ${pad(hour)}` };
  if (minute > 59) return { problem: `minute ${pad(minute)}` };
  if (second > 59) return { problem: `second ${pad(second)}` };
  const date = new Date(Date.UTC(year, month - 1, day, hour, minute, second));
  // Date.UTC maps years 0–99 to 1900–1999; set the year exactly.
  date.setUTCFullYear(year);
  return { date };
}

const pad = (n: number) => String(n).padStart(2, '0');

export function escapeRegExp(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\/]/g, '\\$&');
}

/** `chars` escaped for use inside a `[…]` class. */
export function escapeClass(chars: string): string {
  return chars.replace(/[\]\\^-]/g, '\\$&');
}

/** `2026-02-19 12:00:00 UTC`, for messages. */
export function formatDate(date: Date): string {
  return `${date.toISOString().slice(0, 19).replace('T', ' ')} UTC`;
}

/** A version of zeros only (`00000000000000`, diesel's initial setup) deliberately sorts first. */
export function isZeroVersion(text: string): boolean {
  return /^[0-]+$/.test(text) && /0/.test(text);
}
