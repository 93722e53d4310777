/**
 * Word tables for the figures detector: number words, ordinals, months, currencies, units and the small closed
 * word classes that bound a counted noun phrase. Keys are lower-case; lookups lower-case the surface form first.
 */

/** Cardinal number words below one hundred, and the multipliers. */
export const CARDINALS: ReadonlyMap<string, number> = new Map([
  ['one', 1], ['two', 2], ['three', 3], ['four', 4], ['five', 5], ['six', 6], ['seven', 7], ['eight', 8],
  ['nine', 9], ['ten', 10], ['eleven', 11], ['twelve', 12], ['thirteen', 13], ['fourteen', 14], ['fifteen', 15],
  ['sixteen', 16], ['seventeen', 17], ['eighteen', 18], ['nineteen', 19], ['twenty', 20], ['thirty', 30],
  ['forty', 40], ['fifty', 50], ['sixty', 60], ['seventy', 70], ['eighty', 80], ['ninety', 90],
]);

/** Tens words, which may take a hyphenated unit (`twenty-five`, `seventy-eighth`). */
export const TENS: ReadonlySet<string> = new Set(['twenty', 'thirty', 'forty', 'fifty', 'sixty', 'seventy', 'eighty', 'ninety']);

/** Magnitude words after a number (`7.5 billion`, `one million`) and their abbreviations. */
export const SCALES: ReadonlyMap<string, number> = new Map([
  ['hundred', 1e2], ['thousand', 1e3], ['million', 1e6], ['billion', 1e9], ['trillion', 1e12],
  ['mln', 1e6], ['mn', 1e6], ['bn', 1e9], ['bln', 1e9], ['tn', 1e12], ['trn', 1e12],
]);

/** Plural magnitude words that make a vague amount (`hundreds of schools`, `billions of dollars`). */
export const VAGUE_SCALES: ReadonlySet<string> = new Set([
  'dozens', 'tens', 'hundreds', 'thousands', 'millions', 'billions', 'trillions',
]);

/**
 * Ordinal words. `first` is deliberately absent: the guidelines never annotate it (titles, discourse, rankings),
 * but it may close a compound (`twenty-first`), see ORDINAL_UNITS.
 */
export const ORDINALS: ReadonlyMap<string, number> = new Map([
  ['second', 2], ['third', 3], ['fourth', 4], ['fifth', 5], ['sixth', 6], ['seventh', 7], ['eighth', 8],
  ['ninth', 9], ['tenth', 10], ['eleventh', 11], ['twelfth', 12], ['thirteenth', 13], ['fourteenth', 14],
  ['fifteenth', 15], ['sixteenth', 16], ['seventeenth', 17], ['eighteenth', 18], ['nineteenth', 19],
  ['twentieth', 20], ['thirtieth', 30], ['fortieth', 40], ['fiftieth', 50], ['sixtieth', 60], ['seventieth', 70],
  ['eightieth', 80], ['ninetieth', 90], ['hundredth', 100], ['thousandth', 1000],
]);

/** Ordinal units that may follow a tens word with a hyphen (`twenty-first` … `ninety-ninth`). */
export const ORDINAL_UNITS: ReadonlyMap<string, number> = new Map([
  ['first', 1], ['second', 2], ['third', 3], ['fourth', 4], ['fifth', 5], ['sixth', 6], ['seventh', 7],
  ['eighth', 8], ['ninth', 9],
]);

/** Month names (full, and the abbreviations RFC 822 and newsrooms use) → month number. */
export const MONTHS: ReadonlyMap<string, number> = new Map([
  ['january', 1], ['february', 2], ['march', 3], ['april', 4], ['may', 5], ['june', 6], ['july', 7],
  ['august', 8], ['september', 9], ['october', 10], ['november', 11], ['december', 12],
  ['jan', 1], ['feb', 2], ['mar', 3], ['apr', 4], ['jun', 6], ['jul', 7], ['aug', 8], ['sep', 9], ['sept', 9],
  ['oct', 10], ['nov', 11], ['dec', 12],
]);

/** Currency symbols written before the amount → ISO 4217. */
export const CURRENCY_SYMBOLS: ReadonlyMap<string, string> = new Map([
  ['$', 'USD'], ['US$', 'USD'], ['€', 'EUR'], ['£', 'GBP'], ['¥', 'JPY'], ['₽', 'RUB'], ['₸', 'KZT'], ['₹', 'INR'],
]);

/** ISO 4217 codes recognised before or after an amount (`USD 5 million`, `5 billion KZT`). */
export const CURRENCY_CODES: ReadonlySet<string> = new Set([
  'USD', 'EUR', 'GBP', 'RUB', 'KZT', 'CNY', 'AED', 'JPY', 'CHF', 'INR', 'SAR', 'QAR', 'UZS', 'KGS',
]);

/** Currency names written after the amount (`50 billion dollars`, `980 billion tenge`), lower-case → ISO 4217. */
export const CURRENCY_WORDS: ReadonlyMap<string, string> = new Map([
  ['dollar', 'USD'], ['dollars', 'USD'], ['euro', 'EUR'], ['euros', 'EUR'], ['rouble', 'RUB'], ['roubles', 'RUB'],
  ['ruble', 'RUB'], ['rubles', 'RUB'], ['tenge', 'KZT'], ['yuan', 'CNY'], ['renminbi', 'CNY'], ['dirham', 'AED'],
  ['dirhams', 'AED'], ['pound', 'GBP'], ['pounds', 'GBP'], ['sterling', 'GBP'], ['yen', 'JPY'], ['rupee', 'INR'],
  ['rupees', 'INR'], ['franc', 'CHF'], ['francs', 'CHF'], ['riyal', 'SAR'], ['riyals', 'SAR'], ['sum', 'UZS'],
  ['soms', 'KGS'], ['lira', 'TRY'],
]);

/** Time units of durations, singular or plural, lower-case → the unit string the gold uses (always plural). */
export const TIME_UNITS: ReadonlyMap<string, string> = new Map([
  ['year', 'years'], ['years', 'years'], ['month', 'months'], ['months', 'months'], ['week', 'weeks'],
  ['weeks', 'weeks'], ['day', 'days'], ['days', 'days'], ['hour', 'hours'], ['hours', 'hours'],
  ['minute', 'minutes'], ['minutes', 'minutes'], ['second', 'seconds'], ['seconds', 'seconds'],
  ['decade', 'decades'], ['decades', 'decades'], ['century', 'centuries'], ['centuries', 'centuries'],
  ['millennium', 'millennia'], ['millennia', 'millennia'],
]);

/**
 * Quantity units, matched right after the number (`155mm`, `1.5°C`) or after its spaces (`142,800 tonnes`).
 * `factor` scales the value (`bcm` = billion cubic metres). Earlier entries win over later ones.
 */
export interface UnitDef {
  readonly src: string;
  readonly unit: string;
  readonly factor: number;
  /**
   * The first two characters (lower-case, space-separated) that a match can start with; one character (`°`) for
   * any second one. The parsers run the unit regex only after such a start.
   */
  readonly starts: string;
}

const u = (src: string, unit: string, starts: string, factor = 1): UnitDef => ({ src, unit, factor, starts });
/** Ends a unit word: not followed by a letter or digit. */
const E = '(?![A-Za-z0-9])';
export const UNIT_DEFS: readonly UnitDef[] = [
  u(`(?:metric[^\\S\\r\\n]+)?(?:tonnes?|tons?)${E}`, 'metric ton', 'me to'),
  u(`cubic[^\\S\\r\\n]+met(?:re|er)s?${E}`, 'cubic metre', 'cu'),
  u(`(?:m3|m³)${E}`, 'cubic metre', 'm3 m³'),
  u(`bcm${E}`, 'cubic metre', 'bc', 1e9),
  u(`square[^\\S\\r\\n]+kilomet(?:re|er)s?${E}`, 'square kilometre', 'sq'),
  u(`(?:sq\\.?[^\\S\\r\\n]*km|km2|km²)${E}`, 'square kilometre', 'sq km'),
  u(`square[^\\S\\r\\n]+met(?:re|er)s?${E}`, 'square metre', 'sq'),
  u(`(?:m2|m²)${E}`, 'square metre', 'm2 m²'),
  u(`kilomet(?:re|er)s?${E}`, 'kilometre', 'ki'),
  u(`km${E}`, 'kilometre', 'km'),
  u(`millimet(?:re|er)s?${E}`, 'millimetre', 'mi'),
  u(`mm${E}`, 'millimetre', 'mm'),
  u(`centimet(?:re|er)s?${E}`, 'centimetre', 'ce'),
  u(`cm${E}`, 'centimetre', 'cm'),
  u(`met(?:re|er)s?${E}`, 'metre', 'me'),
  u(`hectares?${E}`, 'hectare', 'he'),
  u(`acres?${E}`, 'acre', 'ac'),
  u(`(?:barrels?|bbl)${E}`, 'barrel', 'ba bb'),
  u(`(?:kilograms?|kilos?)${E}`, 'kilogram', 'ki'),
  u(`kg${E}`, 'kilogram', 'kg'),
  u(`square[^\\S\\r\\n]+miles?${E}`, 'square mile', 'sq'),
  u(`miles?${E}`, 'mile', 'mi'),
  u(`(?:°[^\\S\\r\\n]?(?:Celsius|C)|degrees?[^\\S\\r\\n]+(?:Celsius|centigrade))${E}`, 'degree Celsius', '° de'),
  u(`(?:°[^\\S\\r\\n]?F|degrees?[^\\S\\r\\n]+Fahrenheit)${E}`, 'degree Fahrenheit', '° de'),
  u(`(?:kilowatt-hours?|kWh)${E}`, 'kilowatt-hour', 'ki kw'),
  u(`(?:megawatt-hours?|MWh)${E}`, 'megawatt-hour', 'me mw'),
  u(`(?:gigawatt-hours?|GWh)${E}`, 'gigawatt-hour', 'gi gw'),
  u(`(?:terawatt-hours?|TWh)${E}`, 'terawatt-hour', 'te tw'),
  u(`megawatts?${E}`, 'megawatt', 'me'),
  u(`MW${E}`, 'megawatt', 'mw'),
  u(`gigawatts?${E}`, 'gigawatt', 'gi'),
  u(`GW${E}`, 'gigawatt', 'gw'),
  u(`kilowatts?${E}`, 'kilowatt', 'ki'),
  u(`(?:litres?|liters?)${E}`, 'litre', 'li'),
  u(`gallons?${E}`, 'gallon', 'ga'),
];

/** All units as one sticky, case-insensitive regex: group k + 1 matched means UNIT_DEFS[k]. */
export const UNIT_RE = new RegExp(UNIT_DEFS.map((d) => `(${d.src})`).join('|'), 'iy');

/**
 * Words that may precede a number as an approximation or a bound (lower-case, words split by one space), matched in
 * any letter case with any horizontal spaces between the words.
 */
export const QUALIFIERS: readonly string[] = [
  'more than', 'less than', 'fewer than', 'no more than', 'not more than', 'no less than', 'not less than',
  'as many as', 'as much as', 'as few as', 'as little as', 'up to', 'over', 'well over', 'just over', 'just under',
  'under', 'about', 'around', 'approximately', 'approx.', 'roughly', 'some', 'almost', 'nearly', 'close to',
  'an estimated', 'estimated', 'at least', 'at most', 'upwards of', 'in excess of', 'something like', 'between',
  'a little over', 'a little more than', 'slightly more than', 'slightly over', 'well above', 'above', 'below',
];

/** Words that end a counted noun phrase (function words, auxiliaries, frequent verbs and adverbs). */
export const NP_STOP: ReadonlySet<string> = new Set((
  'in of to for from with at by on into onto per over under since than as across between among amongst through ' +
  'throughout during within without worth including like about around against toward towards via upon after ' +
  'before until till who which that whose where when while whom what the a an this these those their its our ' +
  'your his her my are is was were be been being have has had will would can could should shall may might must ' +
  'do does did not also already now each every all both either neither more less most so such then there here ' +
  'out up down off ago later earlier old or but nor yet if because although though whether it they we he she i ' +
  'you them us alone only just too very last next respectively annually daily monthly again still even ' +
  'never always currently today yesterday tomorrow per cent percent whereas thus hence therefore however'
).split(' '));

/** Plural nouns without a final `s` that can head a counted noun phrase. */
export const IRREGULAR_PLURALS: ReadonlySet<string> = new Set([
  'people', 'children', 'men', 'women', 'staff', 'personnel', 'aircraft', 'police', 'cattle', 'livestock', 'youth',
  'feet', 'teeth', 'sheep', 'fish', 'troops', 'crew', 'peoples', 'persons', 'military', 'spacecraft', 'heads',
]);

/** Words before a number that make it a label or a name (`Resolution 2231`, `Article 51`), not a figure. */
export const LABEL_WORDS: ReadonlySet<string> = new Set((
  'resolution resolutions article articles paragraph paragraphs para section sections chapter chapters page pages ' +
  'no number item items point points goal goals sdg protocol annex clause rule rules decision decisions vision ' +
  'agenda phase stage level grade flight route highway road building room unit units model version tier block ' +
  'platform lot case cases file document doc code line lines table figure fig volume vol issue episode part parts ' +
  'session sessions summit channel district zone sector squad brigade battalion division regiment group team class'
).split(' '));
