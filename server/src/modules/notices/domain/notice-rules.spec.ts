import { mayAuthorNotice as mayAuthor, mayManageNotice as mayManage, type Role } from '@village/shared';
import {
  assertAudience,
  assertCorrectable,
  assertEditable,
  assertMayAuthor,
  assertPublishable,
  assertSignable,
  maySee,
  noticeActions,
  publishTarget,
  type NoticeFacts,
} from './notice-rules';

const notice = (facts: Partial<NoticeFacts> = {}): NoticeFacts => ({
  kind: 'village',
  status: 'published',
  audience: 'all',
  authorResidentId: 'author',
  submittedByResidentId: 'author',
  supersededById: null,
  signoffDecision: null,
  ...facts,
});

const viewer = (roles: Role[], residentId = 'someone') => ({ residentId, roles });
const VILLAGER: Role[] = ['villager'];
const PARTY: Role[] = ['villager', 'party_member'];
const SECRETARY: Role[] = ['villager', 'party_member', 'secretary', 'branch_committee', 'village_committee'];
const VILLAGE_COMMITTEE: Role[] = ['villager', 'village_committee'];
const BRANCH: Role[] = ['villager', 'party_member', 'branch_committee'];
const SUPERVISOR: Role[] = ['villager', 'supervisor'];

describe('who writes what', () => {
  it('gives 党务 to the branch and 村务/财务 to the village committee, the secretary both', () => {
    expect(mayAuthor('party', SECRETARY)).toBe(true);
    expect(mayAuthor('party', BRANCH)).toBe(true);
    expect(mayAuthor('party', VILLAGE_COMMITTEE)).toBe(false);
    expect(mayAuthor('village', VILLAGE_COMMITTEE)).toBe(true);
    expect(mayAuthor('finance', VILLAGE_COMMITTEE)).toBe(true);
    expect(mayAuthor('village', BRANCH)).toBe(false);
    expect(mayAuthor('village', SUPERVISOR)).toBe(false);
  });

  it('never lets anyone write system kinds, but lets the committee manage them', () => {
    expect(mayAuthor('audit_checkpoint', SECRETARY)).toBe(false);
    expect(mayManage('result', BRANCH)).toBe(true);
    expect(mayManage('result', SUPERVISOR)).toBe(false);
    expect(() => assertMayAuthor('result', SECRETARY)).toThrow('由系统自动发布');
    expect(() => assertMayAuthor('party', VILLAGE_COMMITTEE)).toThrow('书记和村党组织委员');
  });

  it('keeps 仅党员 for 党务', () => {
    expect(() => assertAudience('party', 'party_members')).not.toThrow();
    expect(() => assertAudience('finance', 'party_members')).toThrow('只有党务公开');
  });

  it('sends finance to the 监委会 first', () => {
    expect(publishTarget('finance')).toBe('pending_signoff');
    expect(publishTarget('village')).toBe('published');
    expect(publishTarget('party')).toBe('published');
  });
});

describe('who sees what', () => {
  it('shows published and archived notices to everyone, party-only ones to party members only', () => {
    expect(maySee(notice(), viewer(VILLAGER))).toBe(true);
    expect(maySee(notice({ status: 'archived' }), viewer(VILLAGER))).toBe(true);
    const partyOnly = notice({ kind: 'party', audience: 'party_members' });
    expect(maySee(partyOnly, viewer(VILLAGER))).toBe(false);
    expect(maySee(partyOnly, viewer(VILLAGE_COMMITTEE))).toBe(false);
    expect(maySee(partyOnly, viewer(PARTY))).toBe(true);
  });

  it('shows drafts to those who could write them, pending finance also to the 监委会', () => {
    expect(maySee(notice({ status: 'draft' }), viewer(VILLAGER))).toBe(false);
    expect(maySee(notice({ status: 'draft' }), viewer(VILLAGE_COMMITTEE))).toBe(true);
    expect(maySee(notice({ status: 'draft', kind: 'party' }), viewer(VILLAGE_COMMITTEE))).toBe(false);
    expect(maySee(notice({ status: 'pending_signoff', kind: 'finance' }), viewer(SUPERVISOR))).toBe(true);
    expect(maySee(notice({ status: 'draft', kind: 'finance' }), viewer(SUPERVISOR))).toBe(false);
    expect(maySee(notice({ status: 'draft', kind: 'finance', signoffDecision: 'refused' }), viewer(SUPERVISOR))).toBe(true);
  });
});

describe('what may happen in each status', () => {
  it('edits drafts only: 409 with the right words otherwise', () => {
    expect(() => assertEditable(notice({ status: 'draft' }))).not.toThrow();
    expect(() => assertEditable(notice())).toThrow('发布更正');
    expect(() => assertEditable(notice({ status: 'archived' }))).toThrow('发布更正');
    expect(() => assertEditable(notice({ status: 'pending_signoff' }))).toThrow('监委会');
  });

  it('publishes drafts only', () => {
    expect(() => assertPublishable(notice({ status: 'draft' }))).not.toThrow();
    expect(() => assertPublishable(notice())).toThrow('已经发布');
    expect(() => assertPublishable(notice({ status: 'pending_signoff' }))).toThrow('等待审核');
  });

  it('signs pending finance only, never one’s own', () => {
    const pending = notice({ kind: 'finance', status: 'pending_signoff', authorResidentId: 'a', submittedByResidentId: 'b' });
    expect(() => assertSignable(pending, 's')).not.toThrow();
    expect(() => assertSignable(pending, 'a')).toThrow('不能自己审核');
    expect(() => assertSignable(pending, 'b')).toThrow('不能自己审核');
    expect(() => assertSignable(notice({ status: 'pending_signoff' }), 's')).toThrow('只有财务公开');
    expect(() => assertSignable(notice({ kind: 'finance', status: 'draft' }), 's')).toThrow('不在待审核');
  });

  it('corrects a published notice once', () => {
    expect(() => assertCorrectable(notice())).not.toThrow();
    expect(() => assertCorrectable(notice({ supersededById: 'x' }))).toThrow('已经有更正');
    expect(() => assertCorrectable(notice({ status: 'draft' }))).toThrow('草稿请直接修改');
  });

  it('computes the buttons from role and status', () => {
    expect(noticeActions(notice({ status: 'draft' }), viewer(VILLAGE_COMMITTEE))).toEqual({
      edit: true,
      publish: true,
      signoff: false,
      archive: false,
      correct: false,
      ask: false,
      viewAwareness: false,
    });
    expect(noticeActions(notice(), viewer(VILLAGER))).toEqual({
      edit: false,
      publish: false,
      signoff: false,
      archive: false,
      correct: false,
      ask: true,
      viewAwareness: false,
    });
    expect(noticeActions(notice(), viewer(['villager', 'grid_leader']))).toMatchObject({ viewAwareness: true, archive: false });
    expect(noticeActions(notice(), viewer(SECRETARY))).toMatchObject({ archive: true, correct: true, viewAwareness: true });
    expect(noticeActions(notice({ supersededById: 'x' }), viewer(SECRETARY)).correct).toBe(false);
    const pending = notice({ kind: 'finance', status: 'pending_signoff' });
    expect(noticeActions(pending, viewer(SUPERVISOR, 's')).signoff).toBe(true);
    expect(noticeActions(pending, viewer(SUPERVISOR, 'author')).signoff).toBe(false);
    expect(noticeActions(pending, viewer(SECRETARY)).signoff).toBe(false);
  });
});
