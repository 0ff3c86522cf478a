/**
 * Builds a short string matching a regular expression, for the common shapes of `pattern` and
 * `patternProperties` (literals, classes, groups, alternation, quantifiers, anchors). Returns
 * undefined for what it does not understand (lookarounds, backreferences); the caller then treats
 * the question as undecided rather than guessing.
 */
export function samplePattern(pattern: string, variant = 0): string | undefined {
  let regex: RegExp;
  try {
    regex = new RegExp(pattern, 'u');
  } catch {
    return undefined;
  }
  const parser = new Sampler(pattern, variant);
  let text: string | undefined;
  try {
    text = parser.alternation();
  } catch {
    return undefined;
  }
  if (text !== undefined && regex.test(text)) return text;
  return undefined;
}

class Sampler {
  private index = 0;
  constructor(
    private readonly source: string,
    private readonly variant: number,
  ) {}

  alternation(): string {
    const options = [this.sequence()];
    while (this.source[this.index] === '|') {
      this.index++;
      options.push(this.sequence());
    }
    return options[this.variant % options.length]!;
  }

  private sequence(): string {
    let out = '';
    while (this.index < this.source.length && this.source[this.index] !== '|' && this.source[this.index] !== ')') {
      const atom = this.atom();
      const [min, max] = this.quantifier();
      const count = Math.min(Math.max(min, this.variant > 0 && max > min ? min + 1 : min), max);
      out += atom.repeat(count);
    }
    return out;
  }

  private atom(): string {
    const char = this.source[this.index++]!;
    if (char === '^' || char === '$') return '';
    if (char === '.') return 'a';
    if (char === '(') {
      if (this.source.startsWith('?:', this.index)) this.index += 2;
      else if (this.source[this.index] === '?') throw new Error('lookaround');
      const inner = this.alternation();
      if (this.source[this.index++] !== ')') throw new Error('unbalanced');
      return inner;
    }
    if (char === '[') return this.charClass();
    if (char === '\\') return this.escape(this.source[this.index++]!);
    return char;
  }

  private escape(char: string): string {
    if (char === 'd') return '0';
    if (char === 'w') return 'a';
    if (char === 's') return ' ';
    if (/[1-9]/.test(char) || char === 'b' || char === 'B') throw new Error('unsupported escape');
    if (char === 'D' || char === 'W' || char === 'S') return char === 'D' ? 'a' : '-';
    if (char === 'n') return '\n';
    if (char === 't') return '\t';
    return char;
  }

  private charClass(): string {
    const negated = this.source[this.index] === '^';
    if (negated) this.index++;
    const members: string[] = [];
    while (this.index < this.source.length && this.source[this.index] !== ']') {
      let char = this.source[this.index++]!;
      if (char === '\\') char = this.escape(this.source[this.index++]!);
      if (this.source[this.index] === '-' && this.source[this.index + 1] !== ']' && this.index + 1 < this.source.length) {
        this.index++;
        let end = this.source[this.index++]!;
        if (end === '\\') end = this.escape(this.source[this.index++]!);
        members.push(char, end);
      } else {
        members.push(char);
      }
    }
    this.index++;
    if (!negated) return members[this.variant % Math.max(1, members.length)] ?? 'a';
    for (const candidate of ['a', 'z', 'A', '0', '_', '-', 'q', '~']) {
      if (!members.includes(candidate)) return candidate;
    }
    throw new Error('negated class');
  }

  private quantifier(): [number, number] {
    const char = this.source[this.index];
    let range: [number, number] = [1, 1];
    if (char === '*') range = [0, Infinity];
    else if (char === '+') range = [1, Infinity];
    else if (char === '?') range = [0, 1];
    else if (char === '{') {
      const match = /^\{(\d+)(,(\d*))?\}/.exec(this.source.slice(this.index));
      if (!match) return range;
      this.index += match[0].length - 1;
      const min = Number(match[1]);
      range = [min, match[2] === undefined ? min : match[3] === '' ? Infinity : Number(match[3])];
    } else {
      return range;
    }
    this.index++;
    if (this.source[this.index] === '?') this.index++;
    return range;
  }
}
