/**
 * Splits a command line into words like a POSIX shell does for simple commands:
 * blanks separate words, 'single quotes' keep everything literally, "double quotes"
 * honour \" \\ \$ and \`, and a backslash outside quotes escapes the next character.
 * No expansion of variables, globs or ~.
 */

export interface Word {
  text: string;
  /** 1-based column of the word's first character in the line */
  column: number;
}

/** A problem in a command line: what kubectl or podsim prints, and where. */
export class CommandError extends Error {
  constructor(
    message: string,
    readonly column: number,
  ) {
    super(message);
  }
}

export function shellWords(line: string): Word[] {
  const words: Word[] = [];
  let i = 0;
  while (i < line.length) {
    while (i < line.length && /\s/.test(line[i])) i++;
    if (i >= line.length) break;
    const column = i + 1;
    let text = '';
    while (i < line.length && !/\s/.test(line[i])) {
      const c = line[i];
      if (c === "'") {
        const end = line.indexOf("'", i + 1);
        if (end < 0) throw new CommandError('unterminated quote (\') in the command', i + 1);
        text += line.slice(i + 1, end);
        i = end + 1;
      } else if (c === '"') {
        const start = i;
        i++;
        while (i < line.length && line[i] !== '"') {
          if (line[i] === '\\' && i + 1 < line.length && '"\\$`'.includes(line[i + 1])) {
            text += line[i + 1];
            i += 2;
          } else text += line[i++];
        }
        if (i >= line.length) throw new CommandError('unterminated quote (") in the command', start + 1);
        i++;
      } else if (c === '\\' && i + 1 < line.length) {
        text += line[i + 1];
        i += 2;
      } else {
        text += c;
        i++;
      }
    }
    words.push({ text, column });
  }
  return words;
}
