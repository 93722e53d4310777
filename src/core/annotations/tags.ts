/**
 * The tag set, `.diplomat/tags.yaml` in the workspace: the tags a person can put on a passage, with the colour that
 * marks them in the editor and a one-line description shown in the tag picker.
 *
 * Format: a mapping with one key, `tags`, holding a list of `{ name, color, description }` in the order the picker
 * shows them. Other keys are kept when Diplomat adds a tag.
 */
import type { YAMLMap } from 'yaml';
import { Document, isSeq, Scalar, YAMLMap as YamlMapClass, YAMLSeq } from 'yaml';
import { parseYamlDefensively } from './sidecar';
import type { TagDefinition } from './types';

/** Path of the tag set, relative to the workspace folder. */
export const TAGS_FILE = '.diplomat/tags.yaml';

/** A tag set larger than this (UTF-8 bytes) is refused: a hand-made list of tags is a few kilobytes. */
export const MAX_TAGS_BYTES = 1024 * 1024;

/**
 * Tag names: a letter or digit, then letters, digits, `_`, `.` or `-`, at most 64 characters. No spaces, commas or
 * semicolons, because names travel on command lines (`--tag`), in CSV cells joined by `;` and as brat entity types.
 */
export const TAG_NAME_PATTERN = /^[\p{L}\p{N}][\p{L}\p{N}_.-]{0,63}$/u;

/** A tag set that cannot be used; the message is one sentence for people, with the line when there is one. */
export class TagSetError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'TagSetError';
  }
}

/**
 * The tag set created on first use: tags suited to diplomatic analysis.
 *
 * Colours: eleven hues spread around the colour wheel, each at 60 % saturation with its lightness tuned so that its
 * relative luminance is about 0.19, the point where black and white text have nearly the same contrast against it
 * (about 4.8:1 and 4.4:1 on the solid colour). Decorations draw it as a translucent background over the editor's
 * own, so the tint stays light under dark text in light themes and dark under light text in dark themes (above 6:1
 * in both at 35 % opacity); the overview ruler and gutter use it solid.
 */
export const DEFAULT_TAGS: readonly TagDefinition[] = [
  { name: 'commitment', color: '#2e7eb8', description: 'A pledge to act: promised aid, troops, funds, a date or a target.' },
  { name: 'praise', color: '#238a3d', description: 'Approval of another party, its leaders or its actions.' },
  { name: 'criticism', color: '#d24949', description: 'Disapproval, condemnation or blame aimed at another party or its actions.' },
  { name: 'security', color: '#6070d7', description: 'Defence, military posture, terrorism, borders or cyber security.' },
  { name: 'economy', color: '#228777', description: 'Trade, growth, markets, currencies, energy prices and other economic conditions.' },
  { name: 'investment', color: '#7c7c1f', description: 'Capital flows, funds, loans, infrastructure projects and investment deals.' },
  { name: 'nuclear', color: '#985ad6', description: 'Nuclear weapons, non-proliferation, enrichment, inspections or civil nuclear power.' },
  { name: 'sanctions', color: '#b5632d', description: 'Sanctions, embargoes, export controls or asset freezes: imposed, threatened or lifted.' },
  { name: 'agreement', color: '#4c8722', description: 'A treaty, deal, memorandum or joint position reached or announced.' },
  { name: 'request', color: '#ce39a9', description: 'A call on another party to act: a demand, an appeal or an invitation.' },
  { name: 'warning', color: '#957325', description: 'A threat or warning of consequences: red lines, ultimatums, deadlines.' },
];

const header = [
  ' Diplomat tag set: the tags you can put on a passage (Diplomat: Tag Selection…).',
  ' Edit it by hand: add, rename or remove entries, change colours and descriptions; the editor picks changes up.',
  '   name:        letters, digits, _ . - (no spaces); annotations refer to tags by this name',
  '   color:       "#rrggbb" in quotes (an unquoted # starts a YAML comment); mid-tones read best in light and dark themes',
  '   description: one line, shown in the tag picker',
  ' Renaming a tag here does not rename it in existing annotations (their sidecars keep the old name).',
].join('\n');

const writeOptions = { lineWidth: 0, flowCollectionPadding: false } as const;

function tagNode(tag: TagDefinition): YAMLMap {
  const map = new YamlMapClass();
  map.set('name', new Scalar(tag.name));
  map.set('color', new Scalar(tag.color));
  map.set('description', new Scalar(tag.description));
  return map;
}

/** The YAML written to `.diplomat/tags.yaml` on first use (with a comment saying how to edit it). */
export function defaultTagsYaml(): string {
  return tagsYaml(DEFAULT_TAGS);
}

function tagsYaml(tags: readonly TagDefinition[]): string {
  const seq = new YAMLSeq();
  seq.items = tags.map(tagNode);
  const root = new YamlMapClass();
  root.set('tags', seq);
  const doc = new Document(root);
  doc.commentBefore = header;
  return doc.toString(writeOptions);
}

/**
 * Why `name` cannot be a tag name, or null when it can ({@link TAG_NAME_PATTERN}).
 */
export function tagNameProblem(name: string): string | null {
  if (name === '') return 'a tag name must not be empty';
  if (/\s/.test(name)) return `tag name "${name}" contains white space: use - or _ instead`;
  if (!TAG_NAME_PATTERN.test(name)) return `tag name "${name}" must start with a letter or digit and hold only letters, digits, _ . - (at most 64 characters)`;
  return null;
}

function colorProblem(color: unknown): string | null {
  if (color === null || color === undefined) return 'has no "color" (write it in quotes, e.g. color: "#2e7eb8": an unquoted # starts a YAML comment)';
  if (typeof color !== 'string' || !/^#[0-9a-fA-F]{6}$/.test(color)) return `"color" must be "#rrggbb" (six hexadecimal digits), not ${JSON.stringify(color)}`;
  return null;
}

/**
 * Parses the tag set. Names must be unique (ignoring case) and follow {@link TAG_NAME_PATTERN}; colours are
 * `#rrggbb`; a missing description reads as `''`. An empty file or `tags: []` is an empty tag set.
 * @throws TagSetError (never anything else) on invalid YAML (with line and column), a file over
 * {@link MAX_TAGS_BYTES}, too many aliases, or a bad entry (with its line, number and name).
 */
export function parseTags(yaml: string): TagDefinition[] {
  const checked = parseYamlDefensively(yaml, 'tag set', (_kind, message) => new TagSetError(message), MAX_TAGS_BYTES);
  const raw = checked.value;
  if (raw === null || raw === undefined) return [];
  const lineOf = (path: readonly (string | number)[]): string => {
    const node = checked.doc.getIn(path, true) as { range?: [number, number, number] } | undefined;
    return node?.range ? `line ${checked.lineCounter.linePos(node.range[0]).line}: ` : '';
  };
  if (typeof raw !== 'object' || Array.isArray(raw) || !('tags' in raw)) {
    throw new TagSetError('the tag set must be a mapping with a "tags" list (see the comment at the top of a new tags.yaml)');
  }
  const list = (raw as { tags: unknown }).tags ?? [];
  if (!Array.isArray(list)) throw new TagSetError(`${lineOf(['tags'])}"tags" must be a list of entries with name, color and description`);
  const seen = new Map<string, number>();
  return list.map((entry: unknown, i) => {
    const where = (key?: string): string => `${lineOf(key ? ['tags', i, key] : ['tags', i])}tag ${i + 1}`;
    if (typeof entry !== 'object' || entry === null || Array.isArray(entry)) throw new TagSetError(`${where()} must be a mapping with name, color and description`);
    const { name, color, description } = entry as Record<string, unknown>;
    if (typeof name !== 'string') throw new TagSetError(`${where('name')} has no "name" (a string)`);
    const nameProblem = tagNameProblem(name);
    if (nameProblem) throw new TagSetError(`${where('name')}: ${nameProblem}`);
    const first = seen.get(name.toLowerCase());
    if (first !== undefined) throw new TagSetError(`${where('name')} ("${name}") repeats tag ${first + 1}: names must be unique`);
    seen.set(name.toLowerCase(), i);
    const problem = colorProblem(color);
    if (problem) throw new TagSetError(`${where('color')} ("${name}") ${problem}`);
    if (description !== undefined && description !== null && typeof description !== 'string') {
      throw new TagSetError(`${where('description')} ("${name}"): "description" must be text`);
    }
    return { name, color: color as string, description: typeof description === 'string' ? description : '' };
  });
}

/**
 * `yaml` with `tag` appended to its `tags` list, comments, key order and layout kept; an empty or blank `yaml`
 * becomes a new tag set (with the explanatory header) holding only `tag`.
 * @throws TagSetError when `yaml` is not a valid tag set (it is then never rewritten), when the tag is invalid, or
 * when a tag of that name (ignoring case) exists.
 */
export function addTagToYaml(yaml: string, tag: TagDefinition): string {
  const nameProblem = tagNameProblem(tag.name);
  if (nameProblem) throw new TagSetError(nameProblem);
  const problem = colorProblem(tag.color);
  if (problem) throw new TagSetError(`new tag "${tag.name}": ${problem}`);
  const tags = parseTags(yaml);
  if (tags.some((t) => t.name.toLowerCase() === tag.name.toLowerCase())) throw new TagSetError(`a tag named "${tag.name}" already exists`);
  const checked = parseYamlDefensively(yaml, 'tag set', (_kind, message) => new TagSetError(message), MAX_TAGS_BYTES);
  if (checked.value === null || checked.value === undefined) return tagsYaml([tag]);
  const root = checked.doc.contents as YAMLMap;
  const seq: unknown = root.get('tags', true);
  if (isSeq(seq)) {
    seq.items.push(tagNode(tag));
    // `tags: []` opens up into a block list once it holds entries.
    if (seq.flow && seq.items.length === 1) seq.flow = false;
  } else {
    const list = new YAMLSeq();
    list.items = [tagNode(tag)];
    root.set('tags', list);
  }
  return checked.doc.toString(writeOptions);
}
