import { describe, expect, it } from 'vitest';
import type { TagDefinition } from '../../../src/core/annotations';
import { addTagToYaml, DEFAULT_TAGS, defaultTagsYaml, parseTags, TagSetError, tagNameProblem } from '../../../src/core/annotations';

/** WCAG 2 relative luminance and contrast ratio. */
function luminance(hex: string): number {
  const channel = (i: number): number => {
    const c = parseInt(hex.slice(1 + 2 * i, 3 + 2 * i), 16) / 255;
    return c <= 0.03928 ? c / 12.92 : ((c + 0.055) / 1.055) ** 2.4;
  };
  return 0.2126 * channel(0) + 0.7152 * channel(1) + 0.0722 * channel(2);
}
function contrast(a: string, b: string): number {
  const [x, y] = [luminance(a), luminance(b)];
  return (Math.max(x, y) + 0.05) / (Math.min(x, y) + 0.05);
}
/** `color` drawn at `alpha` over `background`, as a translucent decoration is. */
function blend(color: string, background: string, alpha: number): string {
  const c = (hex: string, i: number): number => parseInt(hex.slice(1 + 2 * i, 3 + 2 * i), 16);
  return `#${[0, 1, 2].map((i) => Math.round(c(color, i) * alpha + c(background, i) * (1 - alpha)).toString(16).padStart(2, '0')).join('')}`;
}

function tagSetError(f: () => unknown): TagSetError {
  try {
    f();
  } catch (e) {
    expect(e).toBeInstanceOf(TagSetError);
    return e as TagSetError;
  }
  throw new Error('expected a TagSetError');
}

describe('default tag set', () => {
  it('holds the eleven tags of the issue, in order, with a description each', () => {
    expect(DEFAULT_TAGS.map((t) => t.name)).toEqual([
      'commitment', 'praise', 'criticism', 'security', 'economy', 'investment', 'nuclear', 'sanctions', 'agreement', 'request', 'warning',
    ]);
    for (const t of DEFAULT_TAGS) {
      expect(t.color).toMatch(/^#[0-9a-f]{6}$/);
      expect(t.description.length).toBeGreaterThan(20);
      expect(t.description).not.toContain('\n');
    }
    expect(new Set(DEFAULT_TAGS.map((t) => t.color)).size).toBe(DEFAULT_TAGS.length);
  });

  it('has colours on which black and white text both read, solid and as translucent backgrounds', () => {
    for (const { name, color } of DEFAULT_TAGS) {
      expect(contrast(color, '#000000'), `${name} under black`).toBeGreaterThanOrEqual(4.5);
      expect(contrast(color, '#ffffff'), `${name} under white`).toBeGreaterThanOrEqual(4);
      // Light theme: dark text on a 35 % tint over white; dark theme: light grey text on a tint over #1e1e1e.
      expect(contrast(blend(color, '#ffffff', 0.35), '#1f1f1f'), `${name} in a light theme`).toBeGreaterThanOrEqual(7);
      expect(contrast(blend(color, '#1e1e1e', 0.35), '#cccccc'), `${name} in a dark theme`).toBeGreaterThanOrEqual(6);
    }
  });

  it('is written with a header comment and reads back as DEFAULT_TAGS', () => {
    const yaml = defaultTagsYaml();
    expect(yaml.startsWith('# Diplomat tag set')).toBe(true);
    expect(yaml).toMatch(/Edit it by hand/);
    expect(parseTags(yaml)).toEqual(DEFAULT_TAGS);
  });
});

describe('parseTags', () => {
  it('reads an empty file or an empty list as no tags, and a missing description as empty', () => {
    expect(parseTags('')).toEqual([]);
    expect(parseTags('tags: []\n')).toEqual([]);
    expect(parseTags('tags:\n  - name: peace\n    color: "#336699"\n')).toEqual([{ name: 'peace', color: '#336699', description: '' }]);
  });

  it('gives clear errors with the line and the tag', () => {
    expect(tagSetError(() => parseTags('tags: [\n')).message).toMatch(/not valid YAML: line \d+, column \d+/);
    expect(tagSetError(() => parseTags('- a\n')).message).toMatch(/mapping with a "tags" list/);
    expect(tagSetError(() => parseTags('tags:\n  - name: peace\n    color: #336699\n')).message)
      .toMatch(/^line 3: tag 1 \("peace"\) has no "color" \(write it in quotes/);
    expect(tagSetError(() => parseTags('tags:\n  - name: peace\n    color: "blue"\n')).message).toMatch(/line 3: tag 1 \("peace"\) "color" must be "#rrggbb"/);
    expect(tagSetError(() => parseTags('tags:\n  - name: human rights\n    color: "#336699"\n')).message).toMatch(/line 2: tag 1: .*white space/);
    expect(tagSetError(() => parseTags('tags:\n  - name: a\n    color: "#336699"\n  - name: A\n    color: "#336699"\n')).message)
      .toMatch(/line 4: tag 2 \("A"\) repeats tag 1/);
    expect(tagSetError(() => parseTags('tags:\n  - color: "#336699"\n')).message).toMatch(/tag 1 has no "name"/);
  });

  it('refuses alias bombs and huge files with TagSetError', () => {
    let bomb = 'a0: &a0 [lol, lol, lol, lol, lol, lol, lol, lol, lol]\n';
    for (let i = 1; i < 10; i++) bomb += `a${i}: &a${i} [${Array.from({ length: 9 }, () => `*a${i - 1}`).join(', ')}]\n`;
    expect(tagSetError(() => parseTags(bomb)).message).toMatch(/aliases/);
    expect(tagSetError(() => parseTags(`# ${'x'.repeat(2 * 1024 * 1024)}\ntags: []\n`)).message).toMatch(/larger than 1 MB/);
  });
});

describe('tag names', () => {
  it('accept letters, digits, _ . - and refuse spaces, ; and ,', () => {
    for (const ok of ['praise', 'human-rights', 'G7', 'état', 'v1.2', 'x_y']) expect(tagNameProblem(ok)).toBeNull();
    for (const bad of ['', 'human rights', 'a;b', 'a,b', '-x', 'x'.repeat(65)]) expect(tagNameProblem(bad)).not.toBeNull();
  });
});

describe('addTagToYaml', () => {
  const peace: TagDefinition = { name: 'peace', color: '#336699', description: 'Talks of peace.' };
  const edited = `# My own tag set — keep this line.
tags:
  - name: praise # the one we use most
    color: "#238a3d"
    description: Approval.
  # Criticism comes next.
  - name: criticism
    color: '#d24949'
    description: Disapproval.
owner: Ana
`;

  it('appends the tag and keeps comments, quoting and other keys', () => {
    const yaml = addTagToYaml(edited, peace);
    expect(parseTags(yaml)).toEqual([
      { name: 'praise', color: '#238a3d', description: 'Approval.' },
      { name: 'criticism', color: '#d24949', description: 'Disapproval.' },
      peace,
    ]);
    for (const kept of ['# My own tag set — keep this line.', '- name: praise # the one we use most', '# Criticism comes next.', "color: '#d24949'", 'owner: Ana']) {
      expect(yaml).toContain(kept);
    }
    expect(yaml.indexOf('name: peace')).toBeGreaterThan(yaml.indexOf('name: criticism'));
  });

  it('starts a tag set from an empty file, with the header', () => {
    const yaml = addTagToYaml('', peace);
    expect(yaml.startsWith('# Diplomat tag set')).toBe(true);
    expect(parseTags(yaml)).toEqual([peace]);
    expect(parseTags(addTagToYaml('tags: []\n', peace))).toEqual([peace]);
  });

  it('refuses a duplicate name, a bad tag and an invalid file', () => {
    expect(tagSetError(() => addTagToYaml(edited, { ...peace, name: 'Praise' })).message).toMatch(/already exists/);
    expect(tagSetError(() => addTagToYaml(edited, { ...peace, name: 'two words' })).message).toMatch(/white space/);
    expect(tagSetError(() => addTagToYaml(edited, { ...peace, color: 'red' })).message).toMatch(/#rrggbb/);
    expect(tagSetError(() => addTagToYaml('tags: [\n', peace)).message).toMatch(/not valid YAML/);
  });
});
