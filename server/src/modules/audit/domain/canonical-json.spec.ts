import { CanonicalJsonError, canonicalJson, compareUtf16, JsonValue } from './canonical-json';

function doubleFromHex(hex: string): number {
  return Buffer.from(hex, 'hex').readDoubleBE(0);
}

/** Lets a test hand in values the JsonValue type forbids, as untyped callers could. */
function unchecked(value: unknown): JsonValue {
  return value as JsonValue;
}

describe('canonicalJson', () => {
  describe('RFC 8785 examples', () => {
    it('serialises the §3.2.2 sample (numbers, escaping, literals) and its UTF-8 bytes', () => {
      const input = JSON.parse(
        '{"numbers": [333333333.33333329, 1E30, 4.50, 2e-3, 0.000000000000000000000000001],' +
          ' "string": "\\u20ac$\\u000F\\u000aA\'\\u0042\\u0022\\u005c\\\\\\"\\/",' +
          ' "literals": [null, true, false]}',
      ) as JsonValue;
      const out = canonicalJson(input);
      expect(out).toBe(
        '{"literals":[null,true,false],"numbers":[333333333.3333333,1e+30,4.5,0.002,1e-27],' +
          '"string":"€$\\u000f\\nA\'B\\"\\\\\\\\\\"/"}',
      );
      // The UTF-8 bytes as listed in RFC 8785 §3.2.4.
      expect(Buffer.from(out, 'utf8').toString('hex')).toBe(
        [
          '7b 22 6c 69 74 65 72 61 6c 73 22 3a 5b 6e 75 6c 6c 2c 74 72',
          '75 65 2c 66 61 6c 73 65 5d 2c 22 6e 75 6d 62 65 72 73 22 3a',
          '5b 33 33 33 33 33 33 33 33 33 2e 33 33 33 33 33 33 33 2c 31',
          '65 2b 33 30 2c 34 2e 35 2c 30 2e 30 30 32 2c 31 65 2d 32 37',
          '5d 2c 22 73 74 72 69 6e 67 22 3a 22 e2 82 ac 24 5c 75 30 30',
          '30 66 5c 6e 41 27 42 5c 22 5c 5c 5c 5c 5c 22 2f 22 7d',
        ]
          .join(' ')
          .replace(/ /g, ''),
      );
    });

    it('sorts keys by UTF-16 code units (§3.2.3 sample)', () => {
      const input: JsonValue = {
        '\u20ac': 'Euro Sign',
        '\r': 'Carriage Return',
        '\ufb33': 'Hebrew Letter Dalet With Dagesh',
        '1': 'One',
        '\ud83d\ude00': 'Emoji: Grinning Face',
        '\u0080': 'Control',
        '\u00f6': 'Latin Small Letter O With Diaeresis',
      };
      expect(canonicalJson(input)).toBe(
        '{"\\r":"Carriage Return","1":"One","\u0080":"Control",' +
          '"\u00f6":"Latin Small Letter O With Diaeresis","\u20ac":"Euro Sign",' +
          '"\ud83d\ude00":"Emoji: Grinning Face","\ufb33":"Hebrew Letter Dalet With Dagesh"}',
      );
    });

    it('places a surrogate pair (U+1F600) before U+FB33, unlike code point order', () => {
      // Code point order would put U+FB33 first; UTF-16 puts 0xD83D first.
      expect(canonicalJson({ '\ufb33': 1, '\ud83d\ude00': 2 })).toBe('{"\ud83d\ude00":2,"\ufb33":1}');
    });

    it.each<[string, string]>([
      ['0000000000000000', '0'],
      ['8000000000000000', '0'],
      ['0000000000000001', '5e-324'],
      ['8000000000000001', '-5e-324'],
      ['7fefffffffffffff', '1.7976931348623157e+308'],
      ['ffefffffffffffff', '-1.7976931348623157e+308'],
      ['4340000000000000', '9007199254740992'],
      ['c340000000000000', '-9007199254740992'],
      ['4430000000000000', '295147905179352830000'],
      ['44b52d02c7e14af5', '9.999999999999997e+22'],
      ['44b52d02c7e14af6', '1e+23'],
      ['44b52d02c7e14af7', '1.0000000000000001e+23'],
      ['444b1ae4d6e2ef4e', '999999999999999700000'],
      ['444b1ae4d6e2ef4f', '999999999999999900000'],
      ['444b1ae4d6e2ef50', '1e+21'],
      ['3eb0c6f7a0b5ed8c', '9.999999999999997e-7'],
      ['3eb0c6f7a0b5ed8d', '0.000001'],
      ['41b3de4355555553', '333333333.3333332'],
      ['41b3de4355555554', '333333333.33333325'],
      ['41b3de4355555555', '333333333.3333333'],
      ['41b3de4355555556', '333333333.3333334'],
      ['41b3de4355555557', '333333333.33333343'],
      ['becbf647612f3696', '-0.0000033333333333333333'],
      ['43143ff3c1cb0959', '1424953923781206.2'],
    ])('Appendix B: IEEE 754 %s → %s', (hex, expected) => {
      expect(canonicalJson(doubleFromHex(hex))).toBe(expected);
    });

    it.each(['7fffffffffffffff', '7ff0000000000000', 'fff0000000000000'])(
      'Appendix B: rejects NaN/Infinity bit pattern %s',
      (hex) => {
        expect(() => canonicalJson(doubleFromHex(hex))).toThrow(CanonicalJsonError);
      },
    );
  });

  describe('numbers', () => {
    it.each<[number, string]>([
      [1e30, '1e+30'],
      [4.5, '4.5'],
      [2e-3, '0.002'],
      [0.000001, '0.000001'],
      [1e-7, '1e-7'],
      [333333333.33333329, '333333333.3333333'],
      [-0, '0'],
      [100, '100'],
      [-1.5, '-1.5'],
      [1e21, '1e+21'],
      [123456789012345680000, '123456789012345680000'],
    ])('%p → %s', (value, expected) => {
      expect(canonicalJson(value)).toBe(expected);
    });

    it('rejects NaN, Infinity and -Infinity with the path of the bad value', () => {
      expect(() => canonicalJson(NaN)).toThrow('NaN is not allowed');
      expect(() => canonicalJson([1, Infinity])).toThrow(/Infinity is not allowed .* at \$\[1\]/);
      expect(() => canonicalJson({ a: { b: -Infinity } })).toThrow(/at \$\.a\.b$/);
    });
  });

  describe('strings', () => {
    it('escapes control characters as lowercase \\u00xx and uses short escapes where JSON has them', () => {
      expect(canonicalJson('\u001f')).toBe('"\\u001f"');
      expect(canonicalJson('\u0000\u0001\u000b\u001e')).toBe('"\\u0000\\u0001\\u000b\\u001e"');
      expect(canonicalJson('\b\f\n\r\t')).toBe('"\\b\\f\\n\\r\\t"');
      expect(canonicalJson('"\\')).toBe('"\\"\\\\"');
    });

    it('leaves "/", DEL, U+2028/U+2029 and non-ASCII text unescaped', () => {
      expect(canonicalJson('/\u007f\u2028\u2029')).toBe('"/\u007f\u2028\u2029"');
      expect(canonicalJson('村民委员会 ✓ 😀')).toBe('"村民委员会 ✓ 😀"');
    });

    it('rejects lone surrogates, in values and in keys', () => {
      expect(() => canonicalJson('\ud83d')).toThrow(/lone UTF-16 surrogate at \$$/);
      expect(() => canonicalJson('x\ude00y')).toThrow(CanonicalJsonError);
      expect(() => canonicalJson({ ['\udc00']: 1 })).toThrow(/lone UTF-16 surrogate/);
      expect(canonicalJson('\ud83d\ude00')).toBe('"😀"');
    });
  });

  describe('structures', () => {
    it('sorts nested object keys and keeps array order', () => {
      const value: JsonValue = {
        b: [3, 1, 2, { z: null, a: true }],
        a: { y: 'x', x: [] as JsonValue[], '': {} },
        A: false,
      };
      expect(canonicalJson(value)).toBe('{"A":false,"a":{"":{},"x":[],"y":"x"},"b":[3,1,2,{"a":true,"z":null}]}');
    });

    it('is independent of insertion order', () => {
      expect(canonicalJson({ a: 1, b: 2, c: { d: 3, e: 4 } })).toBe(canonicalJson({ c: { e: 4, d: 3 }, b: 2, a: 1 }));
    });

    it('accepts null-prototype objects and a "__proto__" own key from JSON.parse', () => {
      const bare = Object.create(null) as { [key: string]: JsonValue };
      bare.k = 1;
      expect(canonicalJson(bare)).toBe('{"k":1}');
      expect(canonicalJson(JSON.parse('{"__proto__":1,"a":2}') as JsonValue)).toBe('{"__proto__":1,"a":2}');
    });

    it('serialises scalars at the top level', () => {
      expect(canonicalJson(null)).toBe('null');
      expect(canonicalJson(true)).toBe('true');
      expect(canonicalJson(false)).toBe('false');
      expect(canonicalJson('')).toBe('""');
      expect(canonicalJson([])).toBe('[]');
      expect(canonicalJson({})).toBe('{}');
    });

    it('allows the same object twice as long as it is not its own ancestor', () => {
      const shared: JsonValue = { v: 1 };
      expect(canonicalJson([shared, shared])).toBe('[{"v":1},{"v":1}]');
    });
  });

  describe('rejection', () => {
    it.each<[string, unknown, RegExp]>([
      ['undefined', undefined, /undefined is not a JSON value at \$$/],
      ['undefined member', { a: undefined }, /undefined is not a JSON value at \$\.a$/],
      ['function', { f: () => 1 }, /function is not a JSON value at \$\.f$/],
      ['symbol', [Symbol('s')], /symbol is not a JSON value at \$\[0\]$/],
      ['bigint', { n: BigInt(1) }, /bigint is not a JSON value at \$\.n$/],
      ['Date', { at: new Date(0) }, /Date is not a JSON value; convert it with toISOString\(\) first at \$\.at$/],
      ['Map', new Map(), /Map instance is not a plain JSON object/],
      ['class instance', [new (class Money {})()], /Money instance is not a plain JSON object at \$\[0\]$/],
      ['Buffer', { b: Buffer.from('x') }, /Buffer instance/],
      ['boxed string', { s: new String('x') }, /String instance/],
      ['sparse array', [1, , 3], /sparse array hole at \$\[1\]$/],
      ['symbol key', { [Symbol('k')]: 1 }, /symbol keys/],
      ['odd key path', { 'a b': { c: undefined } }, /at \$\["a b"\]\.c$/],
    ])('rejects %s', (_label, value, message) => {
      expect(() => canonicalJson(unchecked(value))).toThrow(message);
    });

    it('rejects circular references instead of overflowing the stack', () => {
      const loop: { [key: string]: unknown } = { a: 1 };
      loop.self = { back: loop };
      expect(() => canonicalJson(unchecked(loop))).toThrow(/circular reference at \$\.self\.back$/);
    });

    it('throws CanonicalJsonError carrying the path', () => {
      try {
        canonicalJson(unchecked({ x: [0, NaN] }));
        throw new Error('expected a throw');
      } catch (err) {
        expect(err).toBeInstanceOf(CanonicalJsonError);
        expect((err as CanonicalJsonError).path).toBe('$.x[1]');
      }
    });
  });
});

describe('compareUtf16', () => {
  it('orders by code unit, shorter prefix first', () => {
    expect(['b', 'ab', 'a', '', 'B'].sort(compareUtf16)).toEqual(['', 'B', 'a', 'ab', 'b']);
    expect(compareUtf16('\ud83d\ude00', '\ufb33')).toBeLessThan(0);
    expect(compareUtf16('x', 'x')).toBe(0);
  });
});
