/**
 * The date a statement carries in its first lines, used to order the documents of a corpus in time.
 *
 * Publishers put the date on a line of its own near the top, or at the very start of a line: under the title
 * (`2023-09-19`, `2016-10-04 — Astana`), above it (`17 January 2018`), as a feed's timestamp
 * (`Mon, 01 Aug 2022 20:34:39 +0000`, `2019-04-06 13:32:31 -0500`) or after a label (` date 2025-09-23 In his…`).
 * Only a date that *starts* a line counts: a date inside a sentence ("On 11 September 2001 …") is what the text talks
 * about, not when it was published.
 */

/** How many non-blank lines from the top are searched; the corpus puts the date on line 1 to 4. */
export const DATE_LINES = 6;

/** Characters of each line looked at: a date starts its line, and paragraphs can run for thousands of characters. */
const lineHead = 120;

const months: Readonly<Record<string, number>> = {
  jan: 1, january: 1, feb: 2, february: 2, mar: 3, march: 3, apr: 4, april: 4, may: 5, jun: 6, june: 6,
  jul: 7, july: 7, aug: 8, august: 8, sep: 9, sept: 9, september: 9, oct: 10, october: 10, nov: 11, november: 11,
  dec: 12, december: 12,
};
const monthName = '(jan(?:uary)?|feb(?:ruary)?|mar(?:ch)?|apr(?:il)?|may|june?|july?|aug(?:ust)?|sept?(?:ember)?|oct(?:ober)?|nov(?:ember)?|dec(?:ember)?)\\.?';

// What may come before the date on its line: markup or list marks, a label (`date`, `Published:`), a weekday.
const lead = '^[\\s#*>|_-]*(?:(?:date[ds]?|published(?: on)?|posted(?: on)?|updated(?: on)?|released?(?: on)?)\\s*:?\\s*)?'
  + '(?:(?:mon|tue|wed|thu|fri|sat|sun)[a-z]*\\.?,?\\s+)?';
// The date must end at a word edge: `2019-04-06 13:32`, `2016-10-04 — Astana`, `17 January 2018`, not `2019-04-061`.
const edge = '(?![\\p{L}\\p{N}])';

/** `2025-09-23`, `2019-04-06 13:32:31 -0500`, `2019-04-06T13:32:31Z`. */
const isoDay = new RegExp(`${lead}(\\d{4})-(\\d{2})-(\\d{2})(?=$|[\\sT,;.|—–-])`, 'iu');
/** `17 January 2018`, `01 Aug 2022 20:34:39 +0000` (RFC 822), `1st of August, 2022`. */
const dayMonthYear = new RegExp(`${lead}(\\d{1,2})(?:st|nd|rd|th)?\\s+(?:of\\s+)?${monthName},?\\s+(\\d{4})${edge}`, 'iu');
/** `January 17, 2018`, `Aug. 1 2022`. */
const monthDayYear = new RegExp(`${lead}${monthName}\\s+(\\d{1,2})(?:st|nd|rd|th)?,?\\s+(\\d{4})${edge}`, 'iu');
/** `17.01.2018`: dots are day-first wherever they are used (slashes are not: `02/10/2015` is read both ways). */
const dottedDay = new RegExp(`${lead}(\\d{1,2})\\.(\\d{1,2})\\.(\\d{4})${edge}`, 'iu');
/** A line that is only a month: `2019-04`, `April 2019`. Alone on its line, since `April 2019 saw…` starts a sentence. */
const isoMonth = new RegExp(`${lead}(\\d{4})-(\\d{2})\\s*$`, 'iu');
const monthYear = new RegExp(`${lead}${monthName},?\\s+(\\d{4})\\s*$`, 'iu');

/**
 * The document's date from its first {@link DATE_LINES} non-blank lines: the first line that starts with a date (after
 * optional markup, a label such as `date` or `Published:`, and a weekday) gives it. Reads ISO dates with or without a
 * time and zone, `17 January 2018`, `January 17, 2018`, RFC 822 feed dates, day-first `17.01.2018`, and a month alone
 * on its line (`2019-04`, `April 2019`). The date is taken as written: a time zone never moves it to another day.
 *
 * @returns `YYYY-MM-DD`, or `YYYY-MM` when the text gives only a month; null when no line starts with a valid date
 * (callers then fall back to the file's time).
 */
export function documentDate(text: string): string | null {
  let pos = 0;
  let seen = 0;
  while (pos < text.length && seen < DATE_LINES) {
    let end = text.indexOf('\n', pos);
    if (end === -1) end = text.length;
    const line = text.slice(pos, Math.min(end, pos + lineHead));
    pos = end + 1;
    if (!/\S/.test(line)) continue;
    seen++;
    const date = dateAtLineStart(line);
    if (date) return date;
  }
  return null;
}

function dateAtLineStart(line: string): string | null {
  let m = isoDay.exec(line);
  if (m) return day(m[1], m[2], m[3]);
  m = dayMonthYear.exec(line);
  if (m) return day(m[3], month(m[2]), m[1]);
  m = monthDayYear.exec(line);
  if (m) return day(m[3], month(m[1]), m[2]);
  m = dottedDay.exec(line);
  if (m) return day(m[3], m[2], m[1]);
  m = isoMonth.exec(line);
  if (m) return monthOnly(m[1], m[2]);
  m = monthYear.exec(line);
  if (m) return monthOnly(m[2], month(m[1]));
  return null;
}

function month(name: string | undefined): string {
  return String(months[(name ?? '').toLowerCase().replace(/\.$/, '')] ?? 0);
}

/** Years a diplomatic text can plausibly be dated in; outside them a match is a number, not a date. */
function validYear(y: number): boolean {
  return y >= 1800 && y <= 2199;
}

function day(year: string | undefined, monthText: string | undefined, dayText: string | undefined): string | null {
  const y = Number(year);
  const mo = Number(monthText);
  const d = Number(dayText);
  if (!validYear(y) || mo < 1 || mo > 12 || d < 1) return null;
  // Day 0 of the next month is the last day of this one, leap years included.
  const lastDay = new Date(Date.UTC(y, mo, 0)).getUTCDate();
  if (d > lastDay) return null;
  return `${y}-${pad(mo)}-${pad(d)}`;
}

function monthOnly(year: string | undefined, monthText: string | undefined): string | null {
  const y = Number(year);
  const mo = Number(monthText);
  if (!validYear(y) || mo < 1 || mo > 12) return null;
  return `${y}-${pad(mo)}`;
}

function pad(n: number): string {
  return String(n).padStart(2, '0');
}
