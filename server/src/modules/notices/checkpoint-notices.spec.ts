import { NOTICE_TITLE_MAX, parseNoticeBody } from '@village/shared';
import type { AuditCheckpoint } from '../audit/entities/audit-checkpoint.entity';
import { checkpointNotice } from './checkpoint-notices';

const checkpoint: AuditCheckpoint = {
  id: '6f1c1b9e-2f7a-4c55-9a53-0d2b1b7f2a10',
  villageId: 'v-1',
  treeSize: 300,
  lastSeq: 300,
  headHash: 'a'.repeat(64),
  rootHash: 'b'.repeat(64),
  createdAt: '2026-11-25T08:05:09.000Z',
  keyId: '0123456789abcdef',
  signature: 'c'.repeat(86),
  trigger: 'every_n',
  requestedBy: null,
};

describe('checkpointNotice', () => {
  it('names the checkpoint and lists every figure needed to check it, in a table', () => {
    const { title, body } = checkpointNotice(checkpoint);
    expect(title).toBe('村务记录存证：截至第 300 条记录');
    expect([...title].length).toBeLessThanOrEqual(NOTICE_TITLE_MAX);
    const blocks = parseNoticeBody(body);
    const table = blocks.find((b) => b.type === 'table');
    expect(table).toBeDefined();
    const rows = table?.type === 'table' ? table.rows : [];
    expect(Object.fromEntries(rows.map(([k, v]) => [k, v]))).toMatchObject({
      '记录条数（treeSize）': '300',
      '最后一条记录序号（lastSeq）': '300',
      '根哈希（rootHash）': checkpoint.rootHash,
      '最后一条记录的哈希（headHash）': checkpoint.headHash,
      '签名密钥编号（keyId）': checkpoint.keyId,
      '签名时间（北京时间）': '2026-11-25 16:05:09',
      '签名（Ed25519）': checkpoint.signature,
    });
    expect(body).toContain('/api/audit/public-key');
    expect(blocks.some((b) => b.type === 'heading' && b.spans[0].text === '怎样核对')).toBe(true);
  });
});
