// The grammar of the Calculate step, and nothing more: numbers, + - * / %, brackets and a leading
// minus. A recursive-descent parser that evaluates as it reads — there is no eval, no Function, no
// names, no property access: a letter anywhere is an error, so "constructor" or "__proto__" in a
// mapped value can only make the calculation fail.
//
//   sum     := product (("+" | "-") product)*
//   product := unary (("*" | "/" | "%") unary)*
//   unary   := ("+" | "-") unary | primary
//   primary := number | "(" sum ")"
//   number  := digits ["." digits] [("e" | "E") ["+" | "-"] digits]   (also ".5")

export type Evaluated = { ok: true; value: number } | { ok: false; reason: string };

/** Deeper than any real calculation; keeps "((((…" and "----…" from exhausting the stack. */
const MAX_DEPTH = 100;
export const MAX_EXPRESSION_LENGTH = 1_000;

/** Signs as people paste them from documents: − × ÷ read as - * /. */
const LOOK_ALIKES: Readonly<Record<string, string>> = { "\u2212": "-", "\u00d7": "*", "\u00f7": "/" };

class ArithmeticError extends Error {}

export function evaluateArithmetic(expression: string): Evaluated {
  if (expression.length > MAX_EXPRESSION_LENGTH) {
    return { ok: false, reason: `is longer than ${MAX_EXPRESSION_LENGTH} characters` };
  }
  const parser = new Parser(Array.from(expression, (char) => LOOK_ALIKES[char] ?? char));
  try {
    const value = parser.parse();
    if (!Number.isFinite(value)) return { ok: false, reason: "gives a result too large to use" };
    return { ok: true, value };
  } catch (error) {
    if (error instanceof ArithmeticError) return { ok: false, reason: error.message };
    throw error;
  }
}

class Parser {
  private at = 0;
  private depth = 0;

  constructor(private readonly chars: readonly string[]) {}

  parse(): number {
    this.skipBlanks();
    if (this.at >= this.chars.length) throw new ArithmeticError("is empty: write a calculation like 12.5 * 0.15");
    const value = this.sum();
    if (this.at < this.chars.length) throw this.unexpected();
    return value;
  }

  private sum(): number {
    let value = this.product();
    for (let operator = this.peek(); operator === "+" || operator === "-"; operator = this.peek()) {
      this.advance();
      const right = this.product();
      value = operator === "+" ? value + right : value - right;
    }
    return value;
  }

  private product(): number {
    let value = this.unary();
    for (let operator = this.peek(); operator === "*" || operator === "/" || operator === "%"; operator = this.peek()) {
      const position = this.at;
      this.advance();
      const right = this.unary();
      if (operator !== "*" && right === 0) {
        throw new ArithmeticError(`divides by zero at character ${position + 1}`);
      }
      value = operator === "*" ? value * right : operator === "/" ? value / right : value % right;
    }
    return value;
  }

  private unary(): number {
    const sign = this.peek();
    if (sign !== "+" && sign !== "-") return this.primary();
    this.advance();
    const value = this.nested(() => this.unary());
    return sign === "-" ? -value : value;
  }

  private primary(): number {
    if (this.peek() === "(") {
      const opening = this.at;
      this.advance();
      const value = this.nested(() => this.sum());
      if (this.peek() !== ")") {
        throw new ArithmeticError(`has a bracket opened at character ${opening + 1} that is never closed`);
      }
      this.advance();
      return value;
    }
    return this.number();
  }

  private number(): number {
    const start = this.at;
    let text = this.digits();
    if (this.chars[this.at] === ".") {
      this.at += 1;
      text += `.${this.digits()}`;
    }
    if (text === "" || text === ".") throw this.unexpected(start);
    const marker = this.chars[this.at];
    if (marker === "e" || marker === "E") {
      this.at += 1;
      const sign = this.chars[this.at] === "+" || this.chars[this.at] === "-" ? (this.chars[this.at++] ?? "") : "";
      const exponent = this.digits();
      if (exponent === "") throw this.unexpected();
      text += `e${sign}${exponent}`;
    }
    this.skipBlanks();
    return Number(text);
  }

  private digits(): string {
    let text = "";
    for (let char = this.chars[this.at]; char !== undefined && char >= "0" && char <= "9"; char = this.chars[this.at]) {
      text += char;
      this.at += 1;
    }
    return text;
  }

  private nested(read: () => number): number {
    this.depth += 1;
    if (this.depth > MAX_DEPTH) throw new ArithmeticError(`nests brackets or signs deeper than ${MAX_DEPTH} levels`);
    const value = read();
    this.depth -= 1;
    return value;
  }

  private peek(): string | undefined {
    return this.chars[this.at];
  }

  private advance() {
    this.at += 1;
    this.skipBlanks();
  }

  private skipBlanks() {
    while (this.chars[this.at] === " " || this.chars[this.at] === "\t" || this.chars[this.at] === "\n") this.at += 1;
  }

  private unexpected(position = this.at): ArithmeticError {
    const char = this.chars[position];
    if (char === undefined) return new ArithmeticError("ends too early: a number or a bracket is missing at the end");
    const hint =
      char === ","
        ? ": write numbers without thousands separators, with a point for decimals (read them first with Parse number)"
        : ": only numbers, + - * / %, and brackets are allowed";
    return new ArithmeticError(`has "${char}" at character ${position + 1}, which is not allowed here${hint}`);
  }
}
