/**
 * RFC 8785 JSON Canonicalization Scheme (JCS).
 *
 * Audit hashes and checkpoint signatures are computed over these bytes, and outside verifiers
 * re-implement them with any JCS library, so this must follow the RFC exactly rather than
 * "whatever JSON.stringify happens to do". Inputs outside I-JSON (RFC 7493) are rejected instead
 * of coerced: a silent coercion would make two different values hash the same.
 */

export type JsonValue = null | boolean | number | string | JsonValue[] | { [key: string]: JsonValue };

export class CanonicalJsonError extends Error {
  constructor(
    message: string,
    /** Where in the input the offending value sits, e.g. `$.after.items[2]`. */
    readonly path: string,
  ) {
    super(`${message} at ${path}`);
    this.name = 'CanonicalJsonError';
  }
}

export function canonicalJson(value: JsonValue): string {
  return new Serializer().value(value);
}

/** Characters JSON escapes, plus surrogates (which need the lone-surrogate check). */
const NEEDS_CARE = /["\\\u0000-\u001f\uD800-\uDFFF]/;
// A lone surrogate would be written as U+FFFD when encoded to UTF-8, so two different strings
// would produce the same bytes; I-JSON forbids them for that reason.
const LONE_SURROGATE = /[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/;
const IDENTIFIER = /^[A-Za-z_$][\w$]*$/;

/**
 * One serialisation run. The path to the current value is kept as a stack of segments and only
 * turned into text on error: the chain verifier canonicalises every row of a million-row log.
 */
class Serializer {
  private readonly path: (string | number)[] = [];
  private readonly ancestors = new Set<object>();

  value(value: unknown): string {
    if (value === null) return 'null';
    switch (typeof value) {
      case 'boolean':
        return value ? 'true' : 'false';
      case 'number':
        return this.number(value);
      case 'string':
        return this.string(value);
      case 'object':
        return this.container(value);
      default:
        // undefined, function, symbol, bigint: JSON.stringify would drop or throw inconsistently.
        throw this.error(`${typeof value} is not a JSON value`);
    }
  }

  private number(value: number): string {
    if (!Number.isFinite(value)) throw this.error(`${String(value)} is not allowed (RFC 8785 §3.2.2.3)`);
    // ECMAScript Number::toString is exactly the RFC 8785 number format; it already turns -0 into "0".
    return String(value);
  }

  private string(value: string): string {
    // Most keys and values need no escaping at all; skip JSON.stringify for them.
    if (!NEEDS_CARE.test(value)) return `"${value}"`;
    if (LONE_SURROGATE.test(value)) throw this.error('string contains a lone UTF-16 surrogate');
    // For well-formed strings JSON.stringify is the RFC 8785 §3.2.2.2 escaping, by definition.
    return JSON.stringify(value);
  }

  private container(value: object): string {
    if (this.ancestors.has(value)) throw this.error('circular reference');
    this.ancestors.add(value);
    try {
      if (Array.isArray(value)) return this.array(value);
      this.assertPlainObject(value);
      return this.object(value as Record<string, unknown>);
    } finally {
      this.ancestors.delete(value);
    }
  }

  private array(value: unknown[]): string {
    const parts: string[] = [];
    for (let i = 0; i < value.length; i++) {
      this.path.push(i);
      if (!(i in value)) throw this.error('sparse array hole');
      parts.push(this.value(value[i]));
      this.path.pop();
    }
    return `[${parts.join(',')}]`;
  }

  private object(value: Record<string, unknown>): string {
    if (Object.getOwnPropertySymbols(value).length > 0) throw this.error('object has symbol keys');
    const keys = Object.keys(value).sort(compareUtf16);
    const members: string[] = [];
    for (const key of keys) {
      this.path.push(key);
      members.push(`${this.string(key)}:${this.value(value[key])}`);
      this.path.pop();
    }
    return `{${members.join(',')}}`;
  }

  private assertPlainObject(value: object): void {
    const proto: unknown = Object.getPrototypeOf(value);
    if (proto === Object.prototype || proto === null) return;
    if (value instanceof Date) {
      throw this.error('Date is not a JSON value; convert it with toISOString() first');
    }
    const name = (value as { constructor?: { name?: string } }).constructor?.name ?? 'unknown';
    throw this.error(`${name} instance is not a plain JSON object`);
  }

  private error(message: string): CanonicalJsonError {
    const path = this.path
      .map((s) => (typeof s === 'number' ? `[${s}]` : IDENTIFIER.test(s) ? `.${s}` : `[${JSON.stringify(s)}]`))
      .join('');
    return new CanonicalJsonError(message, `$${path}`);
  }
}

/** RFC 8785 §3.2.3: compare keys as arrays of UTF-16 code units, independent of locale. */
export function compareUtf16(a: string, b: string): number {
  // The relational operators on strings compare UTF-16 code units, which is what the RFC asks for.
  return a < b ? -1 : a > b ? 1 : 0;
}
