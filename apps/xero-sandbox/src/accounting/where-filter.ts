import { msDateValue } from "./xero-dates";
import { XeroRequestError } from "./xero-errors";

/**
 * Xero's `where` query (a Dynamic LINQ expression) parsed into a predicate, without any code
 * evaluation: `Name=="X"`, `A=="x" AND B!="y"`, `OR`, `NOT`, parentheses, `Contact.ContactID==Guid("…")` (or `guid`),
 * `EmailAddress!=null`, `Name.Contains("x")`, `.StartsWith`, `.EndsWith`, `.ToLower()`, `.ToUpper()`,
 * numbers, booleans and `DateTime(2024,1,31)` (or `DateTime(2024,1,31,9,30,0)`). Anything else answers Xero's QueryParseException.
 */
export type WherePredicate = (record: object) => boolean;

type Token =
  | { kind: "ident"; text: string }
  | { kind: "string"; text: string }
  | { kind: "number"; text: string }
  | { kind: "op"; text: string };

type Value = string | number | boolean | null;
type Operand =
  | { kind: "literal"; value: Value; isDate?: boolean }
  | { kind: "field"; path: string[]; transforms: ("ToLower" | "ToUpper")[] };
type Node =
  | { kind: "and" | "or"; left: Node; right: Node }
  | { kind: "not"; operand: Node }
  | { kind: "compare"; op: string; left: Operand; right: Operand }
  | { kind: "method"; method: "Contains" | "StartsWith" | "EndsWith"; target: Operand; argument: Operand }
  | { kind: "truthy"; operand: Operand };

const OPERATORS = ["==", "!=", ">=", "<=", "&&", "||", ">", "<", "=", "!", "(", ")", ",", "."];
const STRING_METHODS = new Set(["Contains", "StartsWith", "EndsWith"]);
const TRANSFORMS = new Set(["ToLower", "ToUpper"]);

function parseError(message: string): XeroRequestError {
  return new XeroRequestError(message, "QueryParseException", 16);
}

function tokenize(source: string): Token[] {
  const tokens: Token[] = [];
  let i = 0;
  while (i < source.length) {
    const char = source[i]!;
    if (/\s/.test(char)) {
      i++;
    } else if (char === '"') {
      let text = "";
      i++;
      while (i < source.length && source[i] !== '"') {
        if (source[i] === "\\" && i + 1 < source.length) i++;
        text += source[i++];
      }
      if (i >= source.length) throw parseError("Unterminated string literal");
      i++;
      tokens.push({ kind: "string", text });
    } else if (/[0-9-]/.test(char) && /[0-9]/.test(source[i + (char === "-" ? 1 : 0)] ?? "")) {
      const match = /^-?\d+(\.\d+)?/.exec(source.slice(i))!;
      tokens.push({ kind: "number", text: match[0] });
      i += match[0].length;
    } else if (/[A-Za-z_]/.test(char)) {
      const match = /^[A-Za-z_][A-Za-z0-9_]*/.exec(source.slice(i))!;
      tokens.push({ kind: "ident", text: match[0] });
      i += match[0].length;
    } else {
      const op = OPERATORS.find((candidate) => source.startsWith(candidate, i));
      if (!op) throw parseError(`Syntax error '${char}'`);
      tokens.push({ kind: "op", text: op });
      i += op.length;
    }
  }
  return tokens;
}

class Parser {
  private position = 0;
  constructor(
    private readonly tokens: Token[],
    private readonly typeName: string,
    private readonly fields: ReadonlySet<string>,
  ) {}

  parse(): Node {
    const node = this.parseOr();
    const rest = this.peek();
    if (rest) throw parseError(`Syntax error '${rest.text}'`);
    return node;
  }

  private peek(): Token | undefined {
    return this.tokens[this.position];
  }

  private next(): Token {
    const token = this.tokens[this.position++];
    if (!token) throw parseError("Expression expected");
    return token;
  }

  private isKeyword(...words: string[]): boolean {
    const token = this.peek();
    if (!token) return false;
    if (token.kind === "op") return words.includes(token.text);
    return token.kind === "ident" && words.includes(token.text.toUpperCase());
  }

  private expectOp(text: string): void {
    const token = this.tokens[this.position++];
    if (token?.kind !== "op" || token.text !== text) throw parseError(`'${text}' expected`);
  }

  private parseOr(): Node {
    let left = this.parseAnd();
    while (this.isKeyword("OR", "||")) {
      this.position++;
      left = { kind: "or", left, right: this.parseAnd() };
    }
    return left;
  }

  private parseAnd(): Node {
    let left = this.parseUnary();
    while (this.isKeyword("AND", "&&")) {
      this.position++;
      left = { kind: "and", left, right: this.parseUnary() };
    }
    return left;
  }

  private parseUnary(): Node {
    if (this.isKeyword("NOT", "!")) {
      this.position++;
      return { kind: "not", operand: this.parseUnary() };
    }
    const token = this.peek();
    if (token?.kind === "op" && token.text === "(") {
      this.position++;
      const inner = this.parseOr();
      this.expectOp(")");
      return inner;
    }
    return this.parseComparison();
  }

  private parseComparison(): Node {
    const left = this.parseOperand();
    if ("method" in left) return left.method;
    const token = this.peek();
    if (token?.kind === "op" && ["==", "!=", ">=", "<=", ">", "<", "="].includes(token.text)) {
      this.position++;
      const right = this.parseOperand();
      if ("method" in right) throw parseError("Operator expected");
      return { kind: "compare", op: token.text === "=" ? "==" : token.text, left, right };
    }
    return { kind: "truthy", operand: left };
  }

  /** A literal or a field path with optional string transforms, or a boolean string-method call. */
  private parseOperand(): Operand | { method: Node } {
    const token = this.next();
    if (token.kind === "string") return { kind: "literal", value: token.text };
    if (token.kind === "number") return { kind: "literal", value: Number(token.text) };
    if (token.kind !== "ident") throw parseError(`Syntax error '${token.text}'`);
    // Dynamic LINQ reads its keywords and type names without regard to case: Xero's own examples
    // write both `Guid("…")` and `guid("…")`.
    switch (token.text.toLowerCase()) {
      case "null":
        return { kind: "literal", value: null };
      case "true":
      case "false":
        return { kind: "literal", value: token.text.toLowerCase() === "true" };
      case "guid":
        return { kind: "literal", value: this.parseCallArguments("string")[0]!.toLowerCase() };
      case "datetime": {
        // DateTime(year, month, day) or, as a poller filters on UpdatedDateUTC, with hour, minute, second.
        const [year, month, day, hour, minute, second] = this.parseCallArguments("number").map(Number);
        const value = Date.UTC(year!, (month ?? 1) - 1, day ?? 1, hour ?? 0, minute ?? 0, second ?? 0);
        return { kind: "literal", value, isDate: true };
      }
    }
    const path = [token.text];
    const transforms: ("ToLower" | "ToUpper")[] = [];
    while (this.peek()?.kind === "op" && this.peek()?.text === ".") {
      this.position++;
      const member = this.next();
      if (member.kind !== "ident") throw parseError("Identifier expected");
      if (TRANSFORMS.has(member.text)) {
        this.parseCallArguments("none");
        transforms.push(member.text as "ToLower" | "ToUpper");
      } else if (STRING_METHODS.has(member.text)) {
        const target = this.field(path, transforms);
        const argument: Operand = { kind: "literal", value: this.parseCallArguments("string")[0]! };
        return { method: { kind: "method", method: member.text as "Contains", target, argument } };
      } else if (transforms.length === 0) {
        path.push(member.text);
      } else {
        throw parseError(`No applicable method '${member.text}' exists in type 'String'`);
      }
    }
    return this.field(path, transforms);
  }

  private field(path: string[], transforms: ("ToLower" | "ToUpper")[]): Operand {
    const name = path.join(".");
    if (!this.fields.has(name)) {
      throw parseError(`No property or field '${path[path.length - 1]}' exists in type '${this.typeName}'`);
    }
    return { kind: "field", path, transforms: [...transforms] };
  }

  private parseCallArguments(kind: "string" | "number" | "none"): string[] {
    this.expectOp("(");
    const values: string[] = [];
    while (!(this.peek()?.kind === "op" && this.peek()?.text === ")")) {
      if (values.length) this.expectOp(",");
      const token = this.next();
      if (kind === "none" || token.kind !== kind) throw parseError(`Syntax error '${token.text}'`);
      values.push(token.text);
    }
    this.expectOp(")");
    if (kind !== "none" && values.length === 0) throw parseError("Argument expected");
    return values;
  }
}

function resolve(operand: Operand, record: object): { value: Value; isDate?: boolean } {
  if (operand.kind === "literal") return operand;
  let value: unknown = record;
  for (const key of operand.path) {
    value = value !== null && typeof value === "object" ? (value as Record<string, unknown>)[key] : undefined;
  }
  if (value === undefined || value === "") return { value: null };
  if (typeof value === "string") {
    let text = value;
    for (const transform of operand.transforms)
      text = transform === "ToLower" ? text.toLowerCase() : text.toUpperCase();
    return { value: text };
  }
  return { value: typeof value === "number" || typeof value === "boolean" ? value : String(value) };
}

function compare(op: string, left: { value: Value; isDate?: boolean }, right: { value: Value; isDate?: boolean }) {
  let a = left.value;
  let b = right.value;
  if (left.isDate && typeof b === "string") b = msDateValue(b);
  if (right.isDate && typeof a === "string") a = msDateValue(a);
  // Ids are compared without regard to case, as GUIDs are.
  if (typeof a === "string" && typeof b === "string" && isGuid(a) && isGuid(b)) {
    a = a.toLowerCase();
    b = b.toLowerCase();
  }
  if (op === "==") return a === b;
  if (op === "!=") return a !== b;
  if (a === null || b === null) return false;
  if (op === ">") return a > b;
  if (op === "<") return a < b;
  if (op === ">=") return a >= b;
  return a <= b;
}

function isGuid(text: string): boolean {
  return /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i.test(text);
}

function evaluate(node: Node, record: object): boolean {
  switch (node.kind) {
    case "and":
      return evaluate(node.left, record) && evaluate(node.right, record);
    case "or":
      return evaluate(node.left, record) || evaluate(node.right, record);
    case "not":
      return !evaluate(node.operand, record);
    case "compare":
      return compare(node.op, resolve(node.left, record), resolve(node.right, record));
    case "truthy":
      return resolve(node.operand, record).value === true;
    case "method": {
      const target = resolve(node.target, record).value;
      const argument = String(resolve(node.argument, record).value);
      if (typeof target !== "string") return false;
      if (node.method === "Contains") return target.includes(argument);
      return node.method === "StartsWith" ? target.startsWith(argument) : target.endsWith(argument);
    }
  }
}

/**
 * Parses `where` for records of `typeName` whose filterable paths are `fields` (e.g. `Contact.ContactID`).
 * Throws a QueryParseException-shaped {@link XeroRequestError} on anything it does not support.
 */
export function parseWhere(source: string, typeName: string, fields: readonly string[]): WherePredicate {
  const node = new Parser(tokenize(source), typeName, new Set(fields)).parse();
  return (record) => evaluate(node, record);
}
