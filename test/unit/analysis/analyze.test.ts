import { describe, it, expect } from 'vitest';
import { analyze } from '../../../src/core/analysis/analyze';
import type { Analysis } from '../../../src/core/analysis/types';

const speakerName = (a: Analysis, id: string | null): string | undefined => a.speakers.find((s) => s.id === id)?.name;
const spansOk = (text: string, a: Analysis): boolean =>
  [...a.entities, ...a.quotes].every((s) => text.slice(s.start, s.end) === s.text) &&
  a.speakers.every((s) => s.mentions.every((m) => text.slice(m.start, m.end) === m.text));

describe('quotes', () => {
  it('finds curly quotes with a tail attribution and resolves a pronoun to the last speaker', () => {
    const text = 'Minister Ayla Verin spoke in Oslo.\n\n“Our two nations are building a lasting partnership today,” said Ayla Verin.\n\n"We will keep working together on energy and trade,” she stressed.';
    const a = analyze(text);
    expect(a.quotes).toHaveLength(2);
    expect(a.quotes[0].text).toBe('Our two nations are building a lasting partnership today,');
    expect(speakerName(a, a.quotes[0].speaker)).toBe('Ayla Verin');
    expect(a.quotes[0].cue?.text).toBe('said');
    expect(speakerName(a, a.quotes[1].speaker)).toBe('Ayla Verin');
    expect(a.quotes[1].cue?.text).toBe('stressed');
    expect(spansOk(text, a)).toBe(true);
  });

  it('handles guillemets and a lead attribution', () => {
    const text = 'Ambassador Tomas Reyk said: «The talks were frank and useful for both sides.»';
    const a = analyze(text);
    expect(a.quotes).toHaveLength(1);
    expect(a.quotes[0].text).toBe('The talks were frank and useful for both sides.');
    expect(speakerName(a, a.quotes[0].speaker)).toBe('Tomas Reyk');
  });

  it('keeps a quote running over a paragraph break as one quote', () => {
    const text = 'Senator Mara Quill addressed the press.\n\n“We have worked for months on this agreement.\n\n“It is now time to sign it and move forward,” Mara Quill said.';
    const a = analyze(text);
    expect(a.quotes).toHaveLength(1);
    expect(a.quotes[0].text.startsWith('We have worked')).toBe(true);
    expect(a.quotes[0].text.endsWith('move forward,')).toBe(true);
  });

  it('does not take titles, slogans or HTML attributes for quotes', () => {
    const text = 'The country joined the "3+3" format and the programme “Clean Water for All”.\n<img src="a.jpg" alt="picture of a long row of people standing at the border crossing">';
    const a = analyze(text);
    expect(a.quotes).toHaveLength(0);
  });

  it('finds dash quotes in both forms with verb-first and subject-first attributions', () => {
    const text = 'Talks took place in Baku between Ilham Dorov, President of Azerbaijan, and Petr Novak.\n\n- We have agreed on a new transit route, Ilham Dorov said.\n\n-I highly value this cooperation with our neighbours, said Petr Novak.';
    const a = analyze(text);
    const dash = a.quotes.filter((q) => q.kind === 'dash');
    expect(dash).toHaveLength(2);
    expect(dash[0].text).toBe('We have agreed on a new transit route');
    expect(speakerName(a, dash[0].speaker)).toBe('Ilham Dorov');
    expect(dash[1].text).toBe('I highly value this cooperation with our neighbours');
    expect(speakerName(a, dash[1].speaker)).toBe('Petr Novak');
  });

  it('splits transcript turns at NAME: labels, with no-break spaces and CRLF', () => {
    const text = 'Briefing\r\n\r\nSECRETARY\u00a0HALVORSEN:\u00a0 Good afternoon.\r\n\r\nWe discussed trade.\r\n\r\nQUESTION:  Thank you. What about energy?\r\n\r\nSECRETARY\u00a0HALVORSEN:  Energy is next.\r\n';
    const a = analyze(text);
    const turns = a.quotes.filter((q) => q.kind === 'turn');
    expect(turns).toHaveLength(3);
    expect(turns[0].text).toBe('Good afternoon.\r\n\r\nWe discussed trade.');
    expect(speakerName(a, turns[0].speaker)).toBe('Halvorsen');
    expect(speakerName(a, turns[1].speaker)).toMatch(/journalist/i);
    expect(spansOk(text, a)).toBe(true);
  });

  it('attributes bullet labels and topic bullets to the list introducer', () => {
    const text = 'Secretary Lena Ostrova spoke to reporters:\n\n- Secretary Ostrova: “We reached an agreement on tariffs today.”\n\n- On markets: “Markets will open further next year, and that is good for everyone.”';
    const a = analyze(text);
    expect(a.quotes).toHaveLength(2);
    expect(a.quotes.every((q) => speakerName(a, q.speaker) === 'Lena Ostrova')).toBe(true);
  });
});

describe('speakers and roles', () => {
  it('resolves roles from the text: the other country’s president and the host', () => {
    const text = 'Talks with Marek Halas, President of Poland\n\nThe Head of State thanked Marek Halas.\n\n- We are pleased with the talks, Aidos Serikov said.\n\n- Our countries are close partners, the Polish President said.\n\n- We will meet again soon, the Head of State said.';
    const a = analyze(text);
    const dash = a.quotes.filter((q) => q.kind === 'dash');
    expect(dash.map((q) => speakerName(a, q.speaker))).toEqual(['Aidos Serikov', 'Marek Halas', 'Aidos Serikov']);
  });

  it('links short forms and near-miss spellings to the full name', () => {
    const text = 'Meeting with Donald Tramp, President of the United States.\n\n“This is a good day,” Donald Trump said.\n\n“We agree on this plan,” Donald Trump added.\n\nTrump left.';
    const a = analyze(text);
    const persons = a.entities.filter((e) => e.type === 'PERSON');
    expect(persons.map((p) => p.canonical)).toEqual(['Donald Trump', 'Donald Trump', 'Donald Trump', 'Donald Trump']);
    expect(persons[0].rule).toBe('near-miss-name');
    expect(a.speakers).toHaveLength(1);
  });

  it('gives an all-capital hyphenated label surname the full name the text introduces', () => {
    const text = 'Briefing by Press Secretary Anne-Marie Dubois-Lenz\n\nMS. DUBOIS-LENZ:  Good afternoon.\n\nQ    Thank you.\n\nMS. DUBOIS-LENZ:  Go ahead.';
    const a = analyze(text);
    expect(a.speakers.map((s) => s.name)).toContain('Anne-Marie Dubois-Lenz');
    expect(a.speakers.map((s) => s.name)).not.toContain('Dubois-Lenz');
  });

  it('learns Cyrillic names after titles', () => {
    const text = 'Президент Касым Токаев встретился с делегацией. Министр Айдар Жумабаев отметил успехи.';
    const a = analyze(text);
    expect(a.entities.filter((e) => e.type === 'PERSON').map((e) => e.text)).toEqual(['Касым Токаев', 'Айдар Жумабаев']);
  });
});

describe('journalists of question turns', () => {
  // A press availability written for these tests: the moderator calls on journalists by first name or outlet, one
  // introduces herself, the answerer's short replies call on nobody.
  const text = [
    'Press Availability', '',
    'SECRETARY HALVORSEN:  Good afternoon, everyone.  We reached an agreement today.', '',
    'MR ODUYA:  Ingrid, go ahead.', '',
    'QUESTION:  Thank you so much —', '',
    'SECRETARY HALVORSEN:  Nice to see you.', '',
    'QUESTION:  — Mr. Secretary.  It’s Ingrid Solberg from Nordic Wire.  What comes next?', '',
    'SECRETARY HALVORSEN:  Absolutely.', '',
    'QUESTION:  And on energy?', '',
    'SECRETARY HALVORSEN:  Energy is next.', '',
    'MR ODUYA:  Reuters.', '',
    'QUESTION:  On the talks —', '',
    'MR ODUYA:  Reuters, go ahead.', '',
    'QUESTION:  Will the talks resume?', '',
    'SECRETARY HALVORSEN:  Thanks, Oduya.', '',
    'QUESTION:  A follow-up.', '',
    'MR ODUYA:  We’ll take a final question right here.', '',
    'QUESTION:  Did you talk to the Minister?', '',
  ].join('\n');
  const a = analyze(text);
  const questions = a.quotes.filter((q) => text.slice(text.lastIndexOf('\n', q.start) + 1, q.start).startsWith('QUESTION'));

  it('gives the turns before a self-introduction to the journalist the moderator called on', () => {
    expect(questions.slice(0, 3).map((q) => speakerName(a, q.speaker))).toEqual(['Ingrid Solberg', 'Ingrid Solberg', 'Ingrid Solberg']);
    expect(a.entities.find((e) => e.text === 'Ingrid Solberg')).toMatchObject({ type: 'PERSON', rule: 'self-introduction' });
  });

  it('names a journalist called by outlet only by the outlet, and keeps the floor when the same outlet is called again', () => {
    expect(questions.slice(3, 6).map((q) => speakerName(a, q.speaker))).toEqual([
      'Unidentified journalist (Reuters)', 'Unidentified journalist (Reuters)', 'Unidentified journalist (Reuters)',
    ]);
  });

  it('starts an unidentified journalist on a call on someone not named', () => {
    expect(speakerName(a, questions[6].speaker)).toBe('Unidentified journalist');
    // `Thanks, Oduya.` thanks the moderator: no journalist is called Oduya.
    expect(a.speakers.map((s) => s.name).sort()).toEqual(['Halvorsen', 'Ingrid Solberg', 'Oduya', 'Unidentified journalist', 'Unidentified journalist (Reuters)']);
    expect(spansOk(text, a)).toBe(true);
  });

  it('follows a moderator who calls on journalists by name (go to the line of …), and learns the names', () => {
    const t = [
      'MODERATOR:  Thanks.  Our first question will go to the line of Maren Holt.', '',
      'Q    Thank you.  Is there a deal?', '',
      'SENIOR OFFICIAL:  Not yet.', '',
      'MODERATOR:  Next up, we’ll go to Tomas Reyes of Global Wire.', '',
      'Q    Thanks.  Two from me.', '',
      'MODERATOR:  We will go to Geneva next week.', '',
      'SENIOR OFFICIAL:  Yes.',
    ].join('\n');
    const b = analyze(t);
    const names = b.quotes.filter((q) => t.slice(q.start - 5, q.start) === 'Q    ').map((q) => speakerName(b, q.speaker));
    expect(names).toEqual(['Maren Holt', 'Tomas Reyes']);
    expect(b.entities.filter((e) => e.rule === 'called-on').map((e) => e.text)).toEqual(['Maren Holt']);
    expect(b.speakers.map((sp) => sp.name)).not.toContain('Geneva');
  });

  it('does not take a greeting or a title line for a self-introduction', () => {
    const t = 'Excellencies;\nBula Vinaka from Fiji, Mr President.\n\nThis is Open Line with Marta Kovac, a joint project.\n\nMinister Marta Kovac spoke.';
    const people = analyze(t).entities.filter((e) => e.type === 'PERSON').map((e) => e.text);
    expect(people).not.toContain('Bula Vinaka');
    expect(people).not.toContain('Open Line');
  });
});

describe('entities', () => {
  it('finds countries in their many forms, excluding possessives', () => {
    const text = 'The U.S. and the United States of America, the UAE and the Republic of Kazakhstan’s envoy met U.S.-based firms in KAZAKHSTAN and the US.';
    const a = analyze(text);
    const c = a.entities.filter((e) => e.type === 'COUNTRY');
    expect(c.map((e) => e.text)).toEqual(['U.S.', 'United States of America', 'UAE', 'Republic of Kazakhstan', 'U.S.', 'KAZAKHSTAN', 'US']);
    expect(c.map((e) => e.canonical)).toEqual(['United States', 'United States', 'United Arab Emirates', 'Kazakhstan', 'United States', 'Kazakhstan', 'United States']);
  });

  it('finds organisations and places by lexicon and head word', () => {
    const text = 'The IAEA and the Eurasian Economic Community met the Ministry of Foreign Affairs of Norway near the Caspian Sea and the Bolshoy Power Station.';
    const a = analyze(text);
    expect(a.entities.map((e) => `${e.type}:${e.text}`)).toEqual([
      'ORG:IAEA', 'ORG:Eurasian Economic Community', 'ORG:Ministry of Foreign Affairs of Norway', 'PLACE:Caspian Sea', 'PLACE:Bolshoy Power Station',
    ]);
  });

  it('counts offsets in UTF-16 units after an astral character', () => {
    const text = '🇺🇳 Kazakhstan welcomed the decision.';
    const a = analyze(text);
    const k = a.entities.find((e) => e.text === 'Kazakhstan');
    expect(k?.start).toBe(5);
    expect(text.slice(k?.start, k?.end)).toBe('Kazakhstan');
  });
});

describe('pathological inputs', () => {
  const fast = (text: string): void => {
    const t0 = performance.now();
    analyze(text);
    expect(performance.now() - t0).toBeLessThan(2000);
  };
  it('a 200 KB line without spaces', () => fast('x'.repeat(200_000)));
  it('10,000 unmatched quotation marks', () => fast('“ '.repeat(10_000) + '" '.repeat(10_000)));
  it('1 MB of digits', () => fast('7'.repeat(1_000_000)));
  it('many dash lines without commas', () => fast('- A\n'.repeat(50_000)));
  it('capitalised words in one long line', () => fast('Ab Cd, '.repeat(50_000)));
});

describe('titles with an of-complement', () => {
  const persons = (a: Analysis): string[] => a.entities.filter((e) => e.type === 'PERSON').map((e) => e.text);

  it('reads the name after the office complement', () => {
    expect(persons(analyze('Minister of Foreign Affairs Daniyar Omarov will travel to Berlin.'))).toEqual(['Daniyar Omarov']);
    expect(persons(analyze('Minister of National Economy Ruslan Dalenov said that growth was strong.'))).toEqual(['Ruslan Dalenov']);
    expect(persons(analyze('Deputy Secretary of Commerce Laura Mitchell will attend.'))).toEqual(['Laura Mitchell']);
    expect(persons(analyze('Secretary of the Treasury Marta Olsen Brandt spoke.'))).toEqual(['Marta Olsen Brandt']);
    expect(persons(analyze('Minister of Trade and Integration Arman Kelsey said it would help.'))).toEqual(['Arman Kelsey']);
  });

  it('learns the name between commas after an office, but not after an address', () => {
    const text = 'The U.S. Ambassador to Norway, Peter Haskell, noted that trade grew.';
    expect(persons(analyze(text))).toEqual(['Peter Haskell']);
    const addressed = analyze('Ivan Sorel: Mr President, Ivan Sorel, Higher School of Economics.');
    expect(addressed.entities.filter((e) => e.type === 'PERSON').every((e) => e.canonical === 'Ivan Sorel')).toBe(true);
  });

  it('resolves a bare role to the person last introduced with that office', () => {
    const text = 'Council meets in Almaty\n\nAddressing the participants, Minister of National Economy Ruslan Dalenor said that investment had exceeded $ 50 billion.\n\nThe U.S. Ambassador to Kazakhstan, Wilhelm Moss, noted that 500 American companies work there.\n\n“American companies are among our most important partners,” the Minister said.';
    const a = analyze(text);
    expect(persons(a)).toEqual(['Ruslan Dalenor', 'Wilhelm Moss']);
    expect(a.quotes).toHaveLength(1);
    expect(speakerName(a, a.quotes[0].speaker)).toBe('Ruslan Dalenor');
    const sp = a.speakers.find((s) => s.name === 'Ruslan Dalenor');
    expect(sp?.mentions.some((m) => m.kind === 'role' && m.text === 'Minister')).toBe(true);
    expect(spansOk(text, a)).toBe(true);
  });

  it('links a name written without its middle name to the full name', () => {
    const a = analyze('The Chairman, Nurlan Abaevich Tasbolat, opened the session. Then Nurlan Tasbolat closed it.');
    expect(a.entities.filter((e) => e.type === 'PERSON').map((e) => e.canonical)).toEqual(['Nurlan Abaevich Tasbolat', 'Nurlan Abaevich Tasbolat']);
  });
});
