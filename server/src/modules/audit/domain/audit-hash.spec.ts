import { createHash } from 'node:crypto';
import {
  AuditEventContent,
  AuditEventFormatError,
  eventHashPreimage,
  GENESIS_HASH,
  hashEvent,
  hashHexToBytes,
  isHashHex,
} from './audit-hash';

const first: AuditEventContent = {
  villageId: 'v-001',
  seq: 1,
  occurredAt: '2024-05-01T08:30:00.000Z',
  actorId: 'u-42',
  actorRole: 'secretary',
  action: 'matter.create',
  entityType: 'matter',
  entityId: 'm-7',
  before: null,
  after: { title: '修路', amount: 1200.5, tags: ['道路', 'a'] },
  correlationId: null,
};

const second: AuditEventContent = {
  ...first,
  seq: 2,
  actorId: null,
  actorRole: null,
  action: 'matter.update',
  before: { title: '修路', amount: 1200.5, tags: ['道路', 'a'] },
  after: { title: '修路', amount: 1300, tags: ['道路', 'a'] },
  correlationId: 'req-\u001f',
};

// Written by hand (keys sorted, nulls kept) and hashed with Python's hashlib as an outside check.
const FIRST_JSON =
  '{"action":"matter.create","actorId":"u-42","actorRole":"secretary",' +
  '"after":{"amount":1200.5,"tags":["道路","a"],"title":"修路"},"before":null,"correlationId":null,' +
  '"entityId":"m-7","entityType":"matter","occurredAt":"2024-05-01T08:30:00.000Z","seq":1,"villageId":"v-001"}';
const FIRST_HASH = 'fd98edde32a549ddf94e53b3bba6c78ff00b444991ecadc86c8be46f0a5fec45';
const SECOND_HASH = 'f858f5767180a521ea002f4e1979682b9e10c5907e4b37a3a8e4e0785389dbe3';

describe('GENESIS_HASH', () => {
  it('is 64 zero hex digits', () => {
    expect(GENESIS_HASH).toBe('0000000000000000000000000000000000000000000000000000000000000000');
  });
});

describe('hashEvent', () => {
  it('hashes 32 raw prevHash bytes followed by the UTF-8 canonical JSON', () => {
    const preimage = eventHashPreimage(GENESIS_HASH, first);
    expect(preimage.subarray(0, 32)).toEqual(Buffer.alloc(32));
    expect(preimage.subarray(32).toString('utf8')).toBe(FIRST_JSON);
    expect(preimage.length).toBe(32 + Buffer.byteLength(FIRST_JSON, 'utf8'));
    const manual = createHash('sha256').update(Buffer.alloc(32)).update(FIRST_JSON, 'utf8').digest('hex');
    expect(hashEvent(GENESIS_HASH, first)).toBe(manual);
  });

  it('matches vectors computed independently (Python hashlib)', () => {
    expect(hashEvent(GENESIS_HASH, first)).toBe(FIRST_HASH);
    expect(hashEvent(FIRST_HASH, second)).toBe(SECOND_HASH);
  });

  it('ignores properties outside the content (row id, stored hashes)', () => {
    const row = { ...first, id: 99, prevHash: 'x', hash: 'y', createdAt: new Date() };
    expect(hashEvent(GENESIS_HASH, row)).toBe(FIRST_HASH);
  });

  it('does not depend on key order of nested JSON', () => {
    const reordered = { ...first, after: { tags: ['道路', 'a'], amount: 1200.5, title: '修路' } };
    expect(hashEvent(GENESIS_HASH, reordered)).toBe(FIRST_HASH);
  });

  it.each<[string, Partial<AuditEventContent>]>([
    ['villageId', { villageId: 'v-002' }],
    ['seq', { seq: 2 }],
    ['occurredAt', { occurredAt: '2024-05-01T08:30:00.001Z' }],
    ['actorId', { actorId: 'u-43' }],
    ['actorId null', { actorId: null }],
    ['actorRole', { actorRole: 'director' }],
    ['action', { action: 'matter.delete' }],
    ['entityType', { entityType: 'contract' }],
    ['entityId', { entityId: 'm-8' }],
    ['before', { before: {} }],
    ['after', { after: { title: '修路', amount: 1200.51, tags: ['道路', 'a'] } }],
    ['after null', { after: null }],
    ['correlationId', { correlationId: 'r' }],
  ])('changes when %s changes', (_field, change) => {
    expect(hashEvent(GENESIS_HASH, { ...first, ...change })).not.toBe(FIRST_HASH);
  });

  it('changes with the previous hash', () => {
    expect(hashEvent('f'.repeat(64), first)).not.toBe(FIRST_HASH);
  });

  it.each(['', '0'.repeat(63), '0'.repeat(65), 'F'.repeat(64), 'g'.repeat(64), ` ${'0'.repeat(63)}`])(
    'rejects prevHash %p',
    (prevHash) => {
      expect(() => hashEvent(prevHash, first)).toThrow(AuditEventFormatError);
    },
  );

  it.each<[string, Record<string, unknown>, RegExp]>([
    ['seq 0', { seq: 0 }, /seq must be a positive safe integer/],
    ['seq 1.5', { seq: 1.5 }, /seq/],
    ['seq as string', { seq: '1' }, /seq/],
    ['villageId as number', { villageId: 1 }, /villageId must be a non-empty string/],
    ['empty action', { action: '' }, /action/],
    ['actorId undefined', { actorId: undefined }, /actorId must be a string or null/],
    ['before undefined', { before: undefined }, /before must be JSON or null/],
    ['occurredAt Date', { occurredAt: new Date('2024-05-01T08:30:00.000Z') }, /occurredAt/],
    ['occurredAt without ms', { occurredAt: '2024-05-01T08:30:00Z' }, /occurredAt/],
    ['occurredAt with offset', { occurredAt: '2024-05-01T16:30:00.000+08:00' }, /occurredAt/],
    ['occurredAt impossible date', { occurredAt: '2024-02-30T08:30:00.000Z' }, /occurredAt/],
    ['after with a Date inside', { after: { at: new Date(0) } }, /Date is not a JSON value/],
  ])('rejects %s', (_label, change, message) => {
    const bad = { ...first, ...change } as unknown as AuditEventContent;
    expect(() => hashEvent(GENESIS_HASH, bad)).toThrow(message);
  });
});

describe('hash hex helpers', () => {
  it('accepts only 64 lowercase hex characters', () => {
    expect(isHashHex(FIRST_HASH)).toBe(true);
    expect(isHashHex(FIRST_HASH.toUpperCase())).toBe(false);
    expect(isHashHex(FIRST_HASH.slice(1))).toBe(false);
    expect(isHashHex(null)).toBe(false);
  });

  it('decodes a hash to its 32 raw bytes', () => {
    expect(hashHexToBytes(FIRST_HASH).toString('hex')).toBe(FIRST_HASH);
    expect(hashHexToBytes(FIRST_HASH)).toHaveLength(32);
    expect(() => hashHexToBytes('abc')).toThrow(AuditEventFormatError);
  });
});
